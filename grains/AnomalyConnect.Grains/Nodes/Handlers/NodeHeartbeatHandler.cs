using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains.Nodes.Handlers;

/// <summary>
/// Asks a healthy Xray node its core's uptime. When the uptime went down since the last probe the core restarted and
/// lost every user: the node is probed fully at once and the node grain, seeing the lower uptime, queues the resync,
/// so users are back within seconds of the restart rather than after up to a poll interval. A heartbeat that gets no
/// answer changes nothing; the ticks alone count failures.
/// </summary>
internal sealed partial class NodeHeartbeatHandler(
    NodeConnections connections, NodeProber prober, IGrainFactory grains, TimeProvider clock, IOptions<NodeOptions> options,
    ILogger<NodeHeartbeatHandler> logger) : IOutboxHandler
{
    public string Kind => OutboxKinds.NodeHeartbeat;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var heartbeat = message.Read<NodeHeartbeat>();
        var interval = options.Value.HeartbeatInterval;
        if (clock.GetUtcNow() - heartbeat.IssuedAt > interval * 2)
        {
            return;
        }
        var node = await connections.ReadAsync(heartbeat.NodeId, cancellationToken);
        if (node is not { Health: NodeHealth.Healthy, Xray: not null, LastCoreUptimeSeconds: { } lastUptime })
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval < options.Value.ProbeTimeout ? interval : options.Value.ProbeTimeout);
        long uptime;
        try
        {
            uptime = (await connections.Xray.GetSystemStatsAsync(NodeConnections.XrayEndpointOf(node), timeout.Token)).UptimeSeconds;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return;
        }
        if (!NodeRules.CoreRestarted(uptime, lastUptime))
        {
            return;
        }
        LogRestartNoticed(logger, heartbeat.NodeId, uptime, lastUptime);
        var probe = await prober.ProbeAsync(heartbeat.NodeId, node, cancellationToken);
        await grains.GetGrain<INodeGrain>(heartbeat.NodeId).ApplyProbeAsync(probe);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId}: core uptime {Uptime} s is below the {LastUptime} s seen before, so it restarted; probing it now")]
    private static partial void LogRestartNoticed(ILogger logger, string nodeId, long uptime, long lastUptime);
}

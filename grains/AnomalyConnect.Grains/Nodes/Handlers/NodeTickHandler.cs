using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains.Nodes.Handlers;

/// <summary>
/// Probes a node (health, core uptime, every user's counters, read without reset) and hands the result to the
/// node grain, which counts it exactly once. A tick that waited longer than a poll interval is dropped: the
/// next one reads the same cumulative counters.
/// </summary>
internal sealed class NodeTickHandler(NodeConnections connections, IGrainFactory grains, TimeProvider clock, IOptions<NodeOptions> options)
    : IOutboxHandler
{
    public string Kind => OutboxKinds.NodeTick;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var tick = message.Read<NodeTick>();
        if (clock.GetUtcNow() - tick.IssuedAt > options.Value.PollInterval * 2)
        {
            return;
        }
        var node = await connections.ReadAsync(tick.NodeId, cancellationToken);
        if (node is null || node.Health == NodeHealth.Draining)
        {
            return;
        }
        var started = clock.GetTimestamp();
        var probe = await ProbeAsync(node, cancellationToken);
        RecordPoll(tick.NodeId, probe.Answered, clock.GetElapsedTime(started));
        await grains.GetGrain<INodeGrain>(tick.NodeId).ApplyProbeAsync(probe);
    }

    private static void RecordPoll(string nodeId, bool answered, TimeSpan duration)
    {
        var node = new KeyValuePair<string, object?>("node", nodeId);
        AnomalyMetrics.NodePollDuration.Record(duration.TotalSeconds, node, new KeyValuePair<string, object?>("result", answered ? "ok" : "error"));
        if (!answered)
        {
            AnomalyMetrics.NodePollErrors.Add(1, node);
        }
    }

    private async Task<NodeProbe> ProbeAsync(NodeState node, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        var counters = new List<TrafficCounter>();
        long? uptime = null;
        try
        {
            if (node.Xray is not null)
            {
                var endpoint = NodeConnections.XrayEndpointOf(node);
                uptime = (await connections.Xray.GetSystemStatsAsync(endpoint, timeout.Token)).UptimeSeconds;
                foreach (var (email, traffic) in await connections.Xray.QueryUserTrafficAsync(endpoint, timeout.Token))
                {
                    counters.Add(new TrafficCounter(NodeProtocol.Vless, email, traffic.Uplink, traffic.Downlink));
                }
            }
            if (node.Hysteria2 is { } hysteria)
            {
                foreach (var (id, traffic) in await connections.Hysteria.GetTrafficAsync(new Uri(hysteria.StatsUrl), hysteria.StatsSecret, timeout.Token))
                {
                    counters.Add(new TrafficCounter(NodeProtocol.Hysteria2, id, traffic.Tx, traffic.Rx));
                }
            }
            return new NodeProbe(clock.GetUtcNow(), true, null, uptime, counters);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = exception is OperationCanceledException ? $"no answer within {options.Value.ProbeTimeout.TotalSeconds:0.#} s" : exception.Message;
            return new NodeProbe(clock.GetUtcNow(), false, reason, null, []);
        }
    }
}

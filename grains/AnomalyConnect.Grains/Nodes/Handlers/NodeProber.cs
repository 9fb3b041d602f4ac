using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains.Nodes.Handlers;

/// <summary>
/// The full probe of a node (health, core uptime, every user's counters, read without reset), for the tick and for
/// a heartbeat that noticed a restart. Records its duration and errors in the metrics.
/// </summary>
internal sealed class NodeProber(NodeConnections connections, TimeProvider clock, IOptions<NodeOptions> options)
{
    public async Task<NodeProbe> ProbeAsync(string nodeId, NodeState node, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var probe = await ReadAsync(node, cancellationToken);
        RecordPoll(nodeId, probe.Answered, clock.GetElapsedTime(started));
        return probe;
    }

    private async Task<NodeProbe> ReadAsync(NodeState node, CancellationToken cancellationToken)
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

    private static void RecordPoll(string nodeId, bool answered, TimeSpan duration)
    {
        var node = new KeyValuePair<string, object?>("node", nodeId);
        AnomalyMetrics.NodePollDuration.Record(duration.TotalSeconds, node, new KeyValuePair<string, object?>("result", answered ? "ok" : "error"));
        if (!answered)
        {
            AnomalyMetrics.NodePollErrors.Add(1, node);
        }
    }
}

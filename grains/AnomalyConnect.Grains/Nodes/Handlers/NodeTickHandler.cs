using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains.Nodes.Handlers;

/// <summary>
/// Probes a node (<see cref="NodeProber"/>) and hands the result to the node grain, which counts it exactly once. A
/// tick that waited longer than a poll interval is dropped: the next one reads the same cumulative counters.
/// </summary>
internal sealed class NodeTickHandler(NodeConnections connections, NodeProber prober, IGrainFactory grains, TimeProvider clock, IOptions<NodeOptions> options)
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
        var probe = await prober.ProbeAsync(tick.NodeId, node, cancellationToken);
        await grains.GetGrain<INodeGrain>(tick.NodeId).ApplyProbeAsync(probe);
    }
}

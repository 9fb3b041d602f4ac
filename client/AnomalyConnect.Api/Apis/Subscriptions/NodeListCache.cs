using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>
/// The node list every subscription is built from. The nodes themselves (health, addresses, keys) are read at most
/// every <see cref="NodesMaxAge"/>; their load, which only orders the failover nodes and costs a count over every
/// placement, at most every <see cref="LoadMaxAge"/>. While one request re-reads, the others keep serving the
/// previous list rather than queueing behind the read.
/// </summary>
public sealed class NodeListCache(INodeDirectory directory, TimeProvider clock)
{
    public static readonly TimeSpan NodesMaxAge = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LoadMaxAge = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot? current;

    public async ValueTask<IReadOnlyList<NodeSummary>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is not null && IsFresh(snapshot))
        {
            return snapshot.Nodes;
        }
        if (snapshot is not null)
        {
            if (!await refreshing.WaitAsync(0, cancellationToken))
            {
                return snapshot.Nodes;
            }
        }
        else
        {
            await refreshing.WaitAsync(cancellationToken);
        }
        try
        {
            if (current is { } fresh && IsFresh(fresh))
            {
                return fresh.Nodes;
            }
            // Not the caller's token: a client that went away must not waste the read the others are waiting for.
            current = await ReadAsync(current, CancellationToken.None);
            return current.Nodes;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task<Snapshot> ReadAsync(Snapshot? previous, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (previous is null || now - previous.LoadReadAt >= LoadMaxAge)
        {
            var counted = await directory.ListAsync(cancellationToken);
            return new Snapshot(now, now, counted, counted.ToDictionary(n => n.Node.NodeId, StringComparer.Ordinal));
        }
        var nodes = await directory.ListNodesAsync(cancellationToken);
        // A node added since the last count has no users counted yet: it sorts as the least loaded, as it is.
        IReadOnlyList<NodeSummary> summaries = [.. nodes.Select(node => previous.Loads.TryGetValue(node.NodeId, out var load)
            ? load with { Node = node }
            : new NodeSummary(node, 0, 0))];
        return previous with { NodesReadAt = now, Nodes = summaries };
    }

    private bool IsFresh(Snapshot snapshot) => clock.GetUtcNow() - snapshot.NodesReadAt < NodesMaxAge;

    private sealed record Snapshot(
        DateTimeOffset NodesReadAt, DateTimeOffset LoadReadAt, IReadOnlyList<NodeSummary> Nodes, IReadOnlyDictionary<string, NodeSummary> Loads);
}

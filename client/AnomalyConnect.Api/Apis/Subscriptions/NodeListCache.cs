using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>
/// The node list every subscription is built from, read at most every few seconds. While one request re-reads it,
/// the others keep serving the previous list rather than queueing behind the read.
/// </summary>
public sealed class NodeListCache(INodeDirectory directory, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
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
            var nodes = await directory.ListAsync(CancellationToken.None);
            current = new Snapshot(clock.GetUtcNow(), nodes);
            return nodes;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private bool IsFresh(Snapshot snapshot) => clock.GetUtcNow() - snapshot.ReadAt < MaxAge;

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyList<NodeSummary> Nodes);
}

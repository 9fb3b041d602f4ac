using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Grains.Users;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>
/// Chooses nodes for users. Node health and load are read from PostgreSQL at most every few seconds and
/// counted forward locally in between, so placing a user costs no query; the choice is advisory (least loaded
/// at the time), the user grain's placement is the truth.
/// </summary>
public sealed class NodeCatalog(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<NodeOptions> options)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private volatile Snapshot current = new(DateTimeOffset.MinValue, [], new Dictionary<(string, NodeProtocol), long>());

    public PlacementMode Mode => options.Value.Placement;

    /// <summary>Nodes for a user: one per protocol (least loaded), or every node in AllNodes mode.</summary>
    public async Task<IReadOnlyList<UserPlacement>> ChooseAsync(string? region, CancellationToken cancellationToken)
    {
        var placements = new List<UserPlacement>();
        foreach (var protocol in Enum.GetValues<NodeProtocol>())
        {
            if (Mode == PlacementMode.AllNodes)
            {
                placements.AddRange((await NodesAsync(cancellationToken))
                    .Where(n => n.Protocols.Contains(protocol) && n.Health != Contracts.Nodes.NodeHealth.Draining)
                    .Select(n => new UserPlacement(protocol, n.NodeId)));
            }
            else if (await ChooseOneAsync(protocol, region, excludeNodeId: null, cancellationToken) is { } nodeId)
            {
                placements.Add(new UserPlacement(protocol, nodeId));
            }
        }
        return placements;
    }

    /// <summary>The least-loaded healthy node for a protocol (region first when given), or null.</summary>
    public async Task<string?> ChooseOneAsync(NodeProtocol protocol, string? region, string? excludeNodeId, CancellationToken cancellationToken)
    {
        var snapshot = await FreshAsync(cancellationToken);
        var candidates = snapshot.Nodes
            .Where(n => n.Protocols.Contains(protocol) && n.NodeId != excludeNodeId)
            .Where(n => n.Health is Contracts.Nodes.NodeHealth.Healthy or Contracts.Nodes.NodeHealth.Unknown)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        // Healthy beats not yet checked; the operator's region beats the rest.
        var pool = candidates.Any(n => n.Health == Contracts.Nodes.NodeHealth.Healthy)
            ? candidates.Where(n => n.Health == Contracts.Nodes.NodeHealth.Healthy).ToList()
            : candidates;
        if (region is not null && pool.Any(n => string.Equals(n.Region, region, StringComparison.OrdinalIgnoreCase)))
        {
            pool = pool.Where(n => string.Equals(n.Region, region, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        lock (snapshot.Loads)
        {
            var chosen = pool
                .OrderBy(n => Math.Round((double)snapshot.Loads.GetValueOrDefault((n.NodeId, protocol)) / Math.Max(1, n.Capacity), 3))
                .ThenByDescending(n => n.Priority)
                .ThenBy(n => n.TrafficBytes)
                .ThenBy(n => n.NodeId, StringComparer.Ordinal)
                .First();
            snapshot.Loads[(chosen.NodeId, protocol)] = snapshot.Loads.GetValueOrDefault((chosen.NodeId, protocol)) + 1;
            return chosen.NodeId;
        }
    }

    public async Task<IReadOnlyList<CatalogNode>> NodesAsync(CancellationToken cancellationToken) =>
        (await FreshAsync(cancellationToken)).Nodes;

    /// <summary>Forgets the cached view, after a node was registered, changed health or left.</summary>
    public void Invalidate() => current = current with { ReadAt = DateTimeOffset.MinValue };

    private async Task<Snapshot> FreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (clock.GetUtcNow() - snapshot.ReadAt < RefreshEvery)
        {
            return snapshot;
        }
        await refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - current.ReadAt < RefreshEvery)
            {
                return current;
            }
            current = await ReadAsync(cancellationToken);
            return current;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var nodes = new List<CatalogNode>();
        await using (var command = dataSource.CreateCommand("SELECT grain_key, state::text FROM grain_state WHERE grain_type = 'node' AND state IS NOT NULL"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var state = GrainJson.Deserialize<NodeState>(reader.GetString(1));
                nodes.Add(new CatalogNode(
                    reader.GetString(0), state.Region, state.Capacity, state.Priority, state.Health,
                    state.UploadBytes + state.DownloadBytes,
                    Enum.GetValues<NodeProtocol>().Where(state.Serves).ToHashSet()));
            }
        }
        var loads = new Dictionary<(string, NodeProtocol), long>();
        await using (var command = dataSource.CreateCommand(
            "SELECT node_id, protocol, count(*) FROM user_placements WHERE active GROUP BY node_id, protocol"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                loads[(reader.GetString(0), ProtocolNames.Parse(reader.GetString(1)))] = reader.GetInt64(2);
            }
        }
        return new Snapshot(clock.GetUtcNow(), nodes, loads);
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyList<CatalogNode> Nodes, Dictionary<(string, NodeProtocol), long> Loads);
}

/// <summary>What placement needs to know of a node.</summary>
public sealed record CatalogNode(
    string NodeId, string Region, int Capacity, int Priority, Contracts.Nodes.NodeHealth Health, long TrafficBytes, IReadOnlySet<NodeProtocol> Protocols);

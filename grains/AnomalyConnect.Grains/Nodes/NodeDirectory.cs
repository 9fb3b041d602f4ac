using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>Lists nodes, with or without their active users and load.</summary>
internal sealed class NodeDirectory(NpgsqlDataSource dataSource) : INodeDirectory
{
    public async Task<IReadOnlyList<NodeSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT g.grain_key, g.state::text, coalesce(p.users, 0)
            FROM grain_state g
            LEFT JOIN (SELECT node_id, count(DISTINCT user_id) AS users FROM user_placements WHERE active GROUP BY node_id) p ON p.node_id = g.grain_key
            WHERE g.grain_type = 'node' AND g.state IS NOT NULL
            ORDER BY g.grain_key
            """);
        var nodes = new List<NodeSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = GrainJson.Deserialize<NodeState>(reader.GetString(1));
            var users = reader.GetInt64(2);
            nodes.Add(new NodeSummary(NodeViews.Of(reader.GetString(0), state), users, Math.Round((double)users / Math.Max(1, state.Capacity), 4)));
        }
        return nodes;
    }

    public async Task<IReadOnlyList<NodeView>> ListNodesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT grain_key, state::text FROM grain_state WHERE grain_type = 'node' AND state IS NOT NULL ORDER BY grain_key");
        var nodes = new List<NodeView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(NodeViews.Of(reader.GetString(0), GrainJson.Deserialize<NodeState>(reader.GetString(1))));
        }
        return nodes;
    }
}

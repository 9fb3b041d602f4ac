using AnomalyConnect.Contracts.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>Who should be on a node: the truth is the user grains (status and placement), read here in bulk.</summary>
internal static class NodeMembership
{
    public static async Task<bool> IsDesiredAsync(NpgsqlDataSource dataSource, string nodeId, string protocol, string userId, PlacementMode mode)
    {
        await using var command = dataSource.CreateCommand(mode == PlacementMode.AllNodes
            ? "SELECT EXISTS (SELECT 1 FROM grain_state WHERE grain_type = 'user' AND grain_key = $3 AND state->>'status' IN ('active', 'on_hold'))"
            : "SELECT coalesce((SELECT node_id = $1 AND active FROM user_placements WHERE user_id = $3 AND protocol = $2), false)");
        command.Parameters.Add(new() { Value = nodeId });
        command.Parameters.Add(new() { Value = protocol });
        command.Parameters.Add(new() { Value = userId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Everything one user's sync with one node needs, in one round trip of primary-key reads: the node, the credential
    /// the node must hold for the user (null when the user must not be there) and the one we last gave it.
    /// </summary>
    public static async Task<NodeUserSyncView> ReadSyncAsync(NpgsqlDataSource dataSource, string nodeId, string protocol, string userId, PlacementMode mode, CancellationToken cancellationToken)
    {
        var credentialPath = protocol == Users.ProtocolNames.Vless ? "vless_uuid" : "hysteria2_auth";
        var desired = mode == PlacementMode.AllNodes
            ? "state->>'status' IN ('active', 'on_hold')"
            : "coalesce((SELECT node_id = $1 AND active FROM user_placements WHERE user_id = $3 AND protocol = $2), false)";
        await using var command = dataSource.CreateCommand(
            $"""
             SELECT (SELECT state::text FROM grain_state WHERE grain_type = 'node' AND grain_key = $1),
                    (SELECT state->>'{credentialPath}' FROM grain_state WHERE grain_type = 'user' AND grain_key = $3 AND {desired}),
                    (SELECT credential FROM node_members WHERE node_id = $1 AND protocol = $2 AND user_id = $3)
             """);
        command.Parameters.Add(new() { Value = nodeId });
        command.Parameters.Add(new() { Value = protocol });
        command.Parameters.Add(new() { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new NodeUserSyncView(
            reader.IsDBNull(0) ? null : GrainJson.Deserialize<NodeState>(reader.GetString(0)),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>Every user that should be on the node for a protocol, with the credential the node must hold.</summary>
    public static async Task<IReadOnlyList<DesiredMember>> DesiredAsync(NpgsqlDataSource dataSource, string nodeId, string protocol, PlacementMode mode, CancellationToken cancellationToken)
    {
        var credentialPath = protocol == Users.ProtocolNames.Vless ? "vless_uuid" : "hysteria2_auth";
        await using var command = dataSource.CreateCommand(mode == PlacementMode.AllNodes
            ? $"SELECT grain_key, state->>'{credentialPath}' FROM grain_state WHERE grain_type = 'user' AND state->>'status' IN ('active', 'on_hold')"
            : $"""
              SELECT g.grain_key, g.state->>'{credentialPath}' FROM user_placements p
              JOIN grain_state g ON g.grain_type = 'user' AND g.grain_key = p.user_id
              WHERE p.node_id = $1 AND p.protocol = $2 AND p.active
              """);
        command.Parameters.Add(new() { Value = nodeId });
        command.Parameters.Add(new() { Value = protocol });
        var desired = new List<DesiredMember>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            desired.Add(new DesiredMember(reader.GetString(0), reader.GetString(1)));
        }
        return desired;
    }

    public static async Task<Dictionary<string, string>> MembersAsync(NpgsqlDataSource dataSource, string nodeId, string protocol, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT user_id, credential FROM node_members WHERE node_id = $1 AND protocol = $2");
        command.Parameters.Add(new() { Value = nodeId });
        command.Parameters.Add(new() { Value = protocol });
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            members[reader.GetString(0)] = reader.GetString(1);
        }
        return members;
    }

    public static async Task RecordAsync(NpgsqlDataSource dataSource, string nodeId, string protocol, IReadOnlyList<DesiredMember> added, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        if (added.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                """
                INSERT INTO node_members (node_id, protocol, user_id, credential)
                SELECT $1, $2, u, c FROM unnest($3::text[], $4::text[]) AS m(u, c)
                ON CONFLICT (node_id, protocol, user_id) DO UPDATE SET credential = EXCLUDED.credential
                """)
            {
                Parameters = { new() { Value = nodeId }, new() { Value = protocol }, new() { Value = added.Select(a => a.UserId).ToArray() }, new() { Value = added.Select(a => a.Credential).ToArray() } },
            });
        }
        if (removed.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM node_members WHERE node_id = $1 AND protocol = $2 AND user_id = ANY($3)")
            {
                Parameters = { new() { Value = nodeId }, new() { Value = protocol }, new() { Value = removed.ToArray() } },
            });
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

internal sealed record DesiredMember(string UserId, string Credential);

/// <summary>One node, the credential it must hold for one user (null: the user must not be there), the one it was given.</summary>
internal sealed record NodeUserSyncView(NodeState? Node, string? Desired, string? Held);

using AnomalyConnect.Contracts.Users;
using Npgsql;

namespace AnomalyConnect.Grains.Users;

/// <summary>Mirrors a user's placements into <c>user_placements</c> within the user's turn.</summary>
internal static class UserPlacementStore
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, IReadOnlyList<UserPlacement> placements, bool active)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM user_placements WHERE user_id = $1") { Parameters = { new() { Value = userId } } },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO user_placements (user_id, protocol, node_id, active)
                    SELECT $1, p, n, $4 FROM unnest($2::text[], $3::text[]) AS x(p, n)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = userId },
                        new() { Value = placements.Select(p => ProtocolNames.Of(p.Protocol)).ToArray() },
                        new() { Value = placements.Select(p => p.NodeId).ToArray() },
                        new() { Value = active },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync();
    }
}

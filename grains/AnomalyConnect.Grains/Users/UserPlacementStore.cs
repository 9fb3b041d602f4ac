using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Users;

/// <summary>Mirrors a user's placements into <c>user_placements</c> with the user's turn.</summary>
internal static class UserPlacementStore
{
    public static void Write(GrainTurn<UserState> turn, IReadOnlyList<UserPlacement> placements, bool active)
    {
        turn.Write(new NpgsqlBatchCommand("DELETE FROM user_placements WHERE user_id = $1") { Parameters = { new() { Value = turn.Key } } });
        turn.Write(new NpgsqlBatchCommand(
            """
            INSERT INTO user_placements (user_id, protocol, node_id, active)
            SELECT $1, p, n, $4 FROM unnest($2::text[], $3::text[]) AS x(p, n)
            """)
        {
            Parameters =
            {
                new() { Value = turn.Key },
                new() { Value = placements.Select(p => ProtocolNames.Of(p.Protocol)).ToArray() },
                new() { Value = placements.Select(p => p.NodeId).ToArray() },
                new() { Value = active },
            },
        });
    }
}

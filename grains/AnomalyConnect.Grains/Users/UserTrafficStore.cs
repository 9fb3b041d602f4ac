using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Users;

/// <summary>The user grain's used traffic, kept in <c>user_traffic</c> so that node turns can count it in bulk.</summary>
internal static class UserTrafficStore
{
    public static async Task<(long Upload, long Download)> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string userId)
    {
        await using var command = new NpgsqlCommand(
            "SELECT upload_bytes, download_bytes FROM user_traffic WHERE user_id = $1", connection, transaction);
        command.Parameters.Add(new() { Value = userId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    /// <summary>The committed state and usage in one round trip, locking nothing.</summary>
    public static async Task<(UserState State, long Upload, long Download)?> ReadWithUsageAsync(NpgsqlDataSource dataSource, string userId)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT g.state::text, coalesce(t.upload_bytes, 0), coalesce(t.download_bytes, 0)
            FROM grain_state g LEFT JOIN user_traffic t ON t.user_id = g.grain_key
            WHERE g.grain_type = 'user' AND g.grain_key = $1 AND g.state IS NOT NULL
            """);
        command.Parameters.Add(new() { Value = userId });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        return (Contracts.Runtime.GrainJson.Deserialize<UserState>(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// A new user's row at zero, with the turn's save. A plain insert: an upsert would fire the table's UPDATE
    /// triggers (daily usage, change notifications) for every new user. No row can be there already, since a
    /// user's rows are written only in its own turns and <see cref="Delete"/> removes them with its state.
    /// </summary>
    public static void Create(GrainTurn<UserState> turn) =>
        turn.Write(new NpgsqlBatchCommand(
            "INSERT INTO user_traffic (user_id, upload_bytes, download_bytes, updated_at) VALUES ($1, 0, 0, $2)")
        {
            Parameters = { new() { Value = turn.Key }, new() { Value = turn.Now } },
        });

    /// <summary>Creates the row at zero, or zeroes it (a traffic reset), with the turn's save.</summary>
    public static void Reset(GrainTurn<UserState> turn)
    {
        turn.Write(new NpgsqlBatchCommand(
            """
            INSERT INTO user_traffic (user_id, upload_bytes, download_bytes, updated_at) VALUES ($1, 0, 0, $2)
            ON CONFLICT (user_id) DO UPDATE SET upload_bytes = 0, download_bytes = 0, updated_at = $2
            """) { Parameters = { new() { Value = turn.Key }, new() { Value = turn.Now } } });
        turn.Write(new NpgsqlBatchCommand("DELETE FROM user_node_traffic WHERE user_id = $1") { Parameters = { new() { Value = turn.Key } } });
    }

    /// <summary>Removes everything kept beside a deleted user's state, with the turn's save.</summary>
    public static void Delete(GrainTurn<UserState> turn)
    {
        string[] statements =
        [
            "DELETE FROM user_traffic WHERE user_id = $1",
            "DELETE FROM user_node_traffic WHERE user_id = $1",
            "DELETE FROM user_placements WHERE user_id = $1",
            // The user's devices grain and fetch log go with it: nothing of a deleted user is kept.
            "DELETE FROM grain_state WHERE grain_type = 'user-devices' AND grain_key = $1",
            "DELETE FROM subscription_fetches WHERE user_id = $1",
        ];
        foreach (var sql in statements)
        {
            turn.Write(new NpgsqlBatchCommand(sql) { Parameters = { new() { Value = turn.Key } } });
        }
    }
}

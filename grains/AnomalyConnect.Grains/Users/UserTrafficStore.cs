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

    public static async Task<(long Upload, long Download)> ReadAsync(NpgsqlDataSource dataSource, string userId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await ReadAsync(connection, null, userId);
    }

    /// <summary>Creates the row at zero, or zeroes it: a new user, or a traffic reset.</summary>
    public static async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, DateTimeOffset now)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO user_traffic (user_id, upload_bytes, download_bytes, updated_at) VALUES ($1, 0, 0, $2)
                    ON CONFLICT (user_id) DO UPDATE SET upload_bytes = 0, download_bytes = 0, updated_at = $2
                    """) { Parameters = { new() { Value = userId }, new() { Value = now } } },
                new NpgsqlBatchCommand("DELETE FROM user_node_traffic WHERE user_id = $1") { Parameters = { new() { Value = userId } } },
            },
        };
        await batch.ExecuteNonQueryAsync();
    }

    public static async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM user_traffic WHERE user_id = $1") { Parameters = { new() { Value = userId } } },
                new NpgsqlBatchCommand("DELETE FROM user_node_traffic WHERE user_id = $1") { Parameters = { new() { Value = userId } } },
                new NpgsqlBatchCommand("DELETE FROM user_placements WHERE user_id = $1") { Parameters = { new() { Value = userId } } },
            },
        };
        await batch.ExecuteNonQueryAsync();
    }
}

using System.Text.Json;
using AnomalyConnect.Contracts.Admin;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Admin;

/// <summary>
/// The users a bulk filter matches, with the same rules as the admin search (UserDirectory.SearchAsync), paged by
/// user id so that users leaving or entering the filter while the job runs never shift a page.
/// </summary>
internal static class BulkJobUsers
{
    private const string Filter =
        """
        FROM grain_state g
        WHERE g.grain_type = 'user' AND g.state IS NOT NULL
          AND ($1::text IS NULL OR g.state->>'status' = $1)
          AND ($2::text IS NULL OR g.grain_key = $2 OR g.state->>'telegram_id' = $2 OR g.state->>'employee_id' = $2
               OR g.state->>'username' ILIKE '%' || $2 || '%' OR g.state->>'display_name' ILIKE '%' || $2 || '%'
               OR g.state->>'email' ILIKE '%' || $2 || '%')
        """;

    public static async Task<long> CountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BulkUserFilter filter)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) {Filter}", connection, transaction);
        AddFilter(command, filter);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<IReadOnlyList<string>> NextPageAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BulkUserFilter filter, string? after, int limit)
    {
        await using var command = new NpgsqlCommand($"SELECT g.grain_key {Filter} AND ($3::text IS NULL OR g.grain_key > $3) ORDER BY g.grain_key LIMIT $4",
            connection, transaction);
        AddFilter(command, filter);
        command.Parameters.Add(new() { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = limit });
        var ids = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static void AddFilter(NpgsqlCommand command, BulkUserFilter filter)
    {
        var status = filter.Status is { } s ? JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()) : null;
        command.Parameters.Add(new() { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)BulkUserFilter.NormalizeQuery(filter.Query) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}

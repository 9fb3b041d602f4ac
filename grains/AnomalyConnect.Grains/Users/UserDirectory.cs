using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Users;

/// <summary>Finds users by their secondary keys and searches them, reading committed state only.</summary>
internal sealed class UserDirectory(GrainIndex index, NpgsqlDataSource dataSource) : IUserDirectory
{
    public Task<string?> FindBySubscriptionTokenAsync(string token, CancellationToken cancellationToken) =>
        index.FindKeyAsync(UserIndexes.GrainType, UserIndexes.SubscriptionToken, token, cancellationToken);

    public Task<string?> FindByTelegramIdAsync(long telegramId, CancellationToken cancellationToken) =>
        index.FindKeyAsync(UserIndexes.GrainType, UserIndexes.TelegramId, telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    public Task<string?> FindByEmployeeIdAsync(string employeeId, CancellationToken cancellationToken) =>
        index.FindKeyAsync(UserIndexes.GrainType, UserIndexes.EmployeeId, employeeId, cancellationToken);

    public Task<string?> FindByHysteria2AuthAsync(string auth, CancellationToken cancellationToken) =>
        index.FindKeyAsync(UserIndexes.GrainType, UserIndexes.Hysteria2Auth, auth, cancellationToken);

    public async Task<UserPage> SearchAsync(UserQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        const string filter =
            """
            FROM grain_state g LEFT JOIN user_traffic t ON t.user_id = g.grain_key
            WHERE g.grain_type = 'user' AND g.state IS NOT NULL
              AND ($1::text IS NULL OR g.state->>'status' = $1)
              AND ($2::text IS NULL OR g.grain_key = $2 OR g.state->>'telegram_id' = $2 OR g.state->>'employee_id' = $2
                   OR g.state->>'username' ILIKE '%' || $2 || '%' OR g.state->>'display_name' ILIKE '%' || $2 || '%'
                   OR g.state->>'email' ILIKE '%' || $2 || '%')
            """;
        await using var batch = dataSource.CreateBatch();
        var status = query.Status is { } s ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()) : null;
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT count(*) {filter}")
        {
            Parameters = { new() { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text }, new() { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT g.grain_key, g.state::text, coalesce(t.upload_bytes, 0), coalesce(t.download_bytes, 0) {filter} ORDER BY g.state->>'created_at' DESC, g.grain_key LIMIT $3 OFFSET $4")
        {
            Parameters =
            {
                new() { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = pageSize },
                new() { Value = (page - 1) * pageSize },
            },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var users = new List<UserView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = GrainJson.Deserialize<UserState>(reader.GetString(1));
            users.Add(UserViews.Of(reader.GetString(0), state, (reader.GetInt64(2), reader.GetInt64(3))));
        }
        return new UserPage(users, page, pageSize, total);
    }

    public async Task<IReadOnlyDictionary<UserStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT state->>'status', count(*) FROM grain_state WHERE grain_type = 'user' AND state IS NOT NULL GROUP BY 1");
        var counts = Enum.GetValues<UserStatus>().ToDictionary(s => s, _ => 0L);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = GrainJson.Deserialize<UserStatus>($"\"{reader.GetString(0)}\"");
            counts[status] = reader.GetInt64(1);
        }
        return counts;
    }
}

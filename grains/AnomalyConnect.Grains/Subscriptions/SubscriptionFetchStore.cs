using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Subscriptions;

/// <summary>The SQL of the fetch log (<c>subscription_fetches</c>): one batch insert that also trims, and a read.</summary>
internal static class SubscriptionFetchStore
{
    /// <summary>How many fetches are kept per user.</summary>
    public const int KeptPerUser = 50;

    /// <summary>Inserts the batch with one <c>unnest</c> and trims its users to their newest fetches, in one round trip.</summary>
    public static async Task WriteAsync(NpgsqlDataSource dataSource, IReadOnlyList<FetchRecord> records, CancellationToken cancellationToken)
    {
        var users = records.Select(r => r.UserId).Distinct(StringComparer.Ordinal).ToArray();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            INSERT INTO subscription_fetches (user_id, fetched_at, user_agent, hwid, address, decision)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[])
            """)
        {
            Parameters =
            {
                new() { Value = records.Select(r => r.UserId).ToArray() },
                new() { Value = records.Select(r => r.FetchedAt.ToUniversalTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new() { Value = records.Select(r => r.UserAgent).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = records.Select(r => r.Hwid).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = records.Select(r => r.Address).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = records.Select(r => DecisionName(r.Decision)).ToArray() },
            },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            DELETE FROM subscription_fetches f
            USING (
                SELECT id FROM (
                    SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY fetched_at DESC, id DESC) AS position
                    FROM subscription_fetches WHERE user_id = ANY($1)
                ) ranked
                WHERE position > $2
            ) old
            WHERE f.id = old.id
            """)
        {
            Parameters = { new() { Value = users }, new() { Value = KeptPerUser } },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static Task<IReadOnlyList<SubscriptionFetch>> ReadRecentAsync(NpgsqlDataSource dataSource, string userId, CancellationToken cancellationToken) =>
        StateStore.GuardAsync<IReadOnlyList<SubscriptionFetch>>(async () =>
        {
            await using var command = dataSource.CreateCommand(
                """
                SELECT fetched_at, user_agent, hwid, address, decision FROM subscription_fetches
                WHERE user_id = $1 ORDER BY fetched_at DESC, id DESC LIMIT $2
                """);
            command.Parameters.Add(new() { Value = userId });
            command.Parameters.Add(new() { Value = KeptPerUser });
            var fetches = new List<SubscriptionFetch>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                fetches.Add(new SubscriptionFetch(
                    reader.GetFieldValue<DateTimeOffset>(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    DecisionOf(reader.GetString(4))));
            }
            return fetches;
        });

    private static string DecisionName(DeviceDecision decision) => decision switch
    {
        DeviceDecision.Allowed => "allowed",
        DeviceDecision.OverLimit => "over_limit",
        _ => "no_device",
    };

    private static DeviceDecision DecisionOf(string name) => name switch
    {
        "allowed" => DeviceDecision.Allowed,
        "over_limit" => DeviceDecision.OverLimit,
        _ => DeviceDecision.NoDevice,
    };
}

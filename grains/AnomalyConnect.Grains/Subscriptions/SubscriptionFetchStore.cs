using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Subscriptions;

/// <summary>
/// The SQL of the fetch log (<c>subscription_fetches</c>): a batch insert, a trim of some users to their newest
/// fetches, and a read. Inserting and trimming are apart so that a flush behind a busy subscription endpoint is one
/// insert, and the trim of a user fetching often runs once per trim period however many fetches it made.
/// </summary>
internal static class SubscriptionFetchStore
{
    /// <summary>How many fetches are kept per user.</summary>
    public const int KeptPerUser = 50;

    /// <summary>Appends the batch with binary COPY, the cheapest way in for PostgreSQL.</summary>
    public static async Task InsertAsync(NpgsqlDataSource dataSource, IReadOnlyList<FetchRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY subscription_fetches (user_id, fetched_at, user_agent, hwid, address, decision) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var record in records)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(record.UserId, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.FetchedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteTextAsync(copy, record.UserAgent, cancellationToken);
            await WriteTextAsync(copy, record.Hwid, cancellationToken);
            await WriteTextAsync(copy, record.Address, cancellationToken);
            await copy.WriteAsync(DecisionName(record.Decision), NpgsqlDbType.Text, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes, for each of these users, every fetch older than its newest <see cref="KeptPerUser"/>. Per user it
    /// walks at most that many entries of the (user, time) index to find the cut, so users under the bound cost a
    /// few index reads and nothing is sorted.
    /// </summary>
    public static async Task TrimAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            DELETE FROM subscription_fetches f
            USING (
                SELECT u.user_id, cut.fetched_at, cut.id
                FROM unnest($1::text[]) AS u(user_id)
                CROSS JOIN LATERAL (
                    SELECT s.fetched_at, s.id FROM subscription_fetches s
                    WHERE s.user_id = u.user_id
                    ORDER BY s.fetched_at DESC, s.id DESC
                    OFFSET $2 LIMIT 1
                ) cut
            ) oldest_kept
            WHERE f.user_id = oldest_kept.user_id
              AND (f.fetched_at, f.id) <= (oldest_kept.fetched_at, oldest_kept.id)
            """);
        command.Parameters.Add(new() { Value = userIds.ToArray() });
        command.Parameters.Add(new() { Value = KeptPerUser });
        await command.ExecuteNonQueryAsync(cancellationToken);
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

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

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

using System.Text.Json;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Users;
using Npgsql;

namespace AnomalyConnect.Grains.Bot;

/// <summary>Reads a broadcast with its recipient counts; maps statuses and states to their stored names.</summary>
internal static class BroadcastRows
{
    private const string ViewSql =
        """
        SELECT b.id, b.text, b.segment, b.requested_by, b.state, b.progress_message_id, b.created_at, b.started_at, b.finished_at,
               count(r.chat_id)::int,
               (count(*) FILTER (WHERE r.state = 'sent'))::int,
               (count(*) FILTER (WHERE r.state = 'blocked'))::int,
               (count(*) FILTER (WHERE r.state = 'failed'))::int,
               (count(*) FILTER (WHERE r.state = 'in_doubt'))::int
        FROM bot_broadcasts b LEFT JOIN bot_broadcast_recipients r ON r.broadcast_id = b.id
        WHERE b.id = $1
        GROUP BY b.id
        """;

    public static async Task<BroadcastView?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long broadcastId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ViewSql, connection, transaction);
        command.Parameters.Add(new() { Value = broadcastId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new BroadcastView(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : StatusOf(reader.GetString(2)),
            reader.GetInt64(3),
            Enum.Parse<BroadcastState>(reader.GetString(4), ignoreCase: true),
            reader.IsDBNull(5) ? null : reader.GetInt64(5),
            reader.GetInt32(9),
            reader.GetInt32(10),
            reader.GetInt32(11),
            reader.GetInt32(12),
            reader.GetInt32(13),
            reader.GetFieldValue<DateTimeOffset>(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
    }

    public static async Task<BroadcastView?> ReadAsync(NpgsqlDataSource dataSource, long broadcastId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, null, broadcastId, cancellationToken);
    }

    /// <summary>The name a status has in user state (<c>on_hold</c>).</summary>
    public static string StatusName(UserStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    public static string OutcomeName(BroadcastOutcome outcome) => outcome switch
    {
        BroadcastOutcome.Sent => "sent",
        BroadcastOutcome.Blocked => "blocked",
        BroadcastOutcome.NotSent => "pending",
        BroadcastOutcome.InDoubt => "in_doubt",
        _ => "failed",
    };

    private static UserStatus? StatusOf(string name) =>
        Enum.GetValues<UserStatus>().Cast<UserStatus?>().FirstOrDefault(s => StatusName(s!.Value) == name);
}

using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Grains.Users;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Bot;

/// <summary>
/// Drafts, starts and cancels broadcasts. The recipients are fixed when the draft is made, so the count the admin
/// confirms is the count that is sent: every user with a Telegram id in the segment, except chats that blocked the bot.
/// </summary>
internal sealed class Broadcasts(NpgsqlDataSource dataSource, TimeProvider clock) : IBroadcasts
{
    public Task<BroadcastView> CreateDraftAsync(BroadcastDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrEmpty(draft.Text);
        return StateStore.GuardAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            long id;
            await using (var insert = new NpgsqlCommand(
                "INSERT INTO bot_broadcasts (text, segment, requested_by, state, created_at) VALUES ($1, $2, $3, 'draft', $4) RETURNING id",
                connection, transaction))
            {
                insert.Parameters.Add(new() { Value = draft.Text });
                insert.Parameters.Add(new() { Value = draft.Segment is { } s ? BroadcastRows.StatusName(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = draft.RequestedBy });
                insert.Parameters.Add(new() { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            }
            await using (var recipients = new NpgsqlCommand(
                $"""
                INSERT INTO bot_broadcast_recipients (broadcast_id, chat_id)
                SELECT $1, (g.state->>'telegram_id')::bigint
                FROM grain_state g
                WHERE g.grain_type = '{UserIndexes.GrainType}' AND g.state IS NOT NULL AND g.state->>'telegram_id' IS NOT NULL
                  AND ($2::text IS NULL OR g.state->>'status' = $2)
                  AND NOT EXISTS (
                      SELECT 1 FROM grain_state c
                      WHERE c.grain_type = '{TelegramChatGrain.GrainType}' AND c.grain_key = g.state->>'telegram_id'
                        AND (c.state->>'blocked')::boolean)
                ON CONFLICT DO NOTHING
                """,
                connection, transaction))
            {
                recipients.Parameters.Add(new() { Value = id });
                recipients.Parameters.Add(new() { Value = draft.Segment is { } s ? BroadcastRows.StatusName(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                await recipients.ExecuteNonQueryAsync(cancellationToken);
            }
            var view = await BroadcastRows.ReadAsync(connection, transaction, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return view!;
        });
    }

    public Task<BroadcastView?> StartAsync(long broadcastId, CancellationToken cancellationToken) =>
        MoveAsync(broadcastId, "UPDATE bot_broadcasts SET state = 'running', started_at = $2 WHERE id = $1 AND state = 'draft'", cancellationToken);

    public Task<BroadcastView?> CancelAsync(long broadcastId, CancellationToken cancellationToken) =>
        MoveAsync(broadcastId,
            """
            UPDATE bot_broadcasts SET state = 'canceled', finished_at = $2, lease_owner = NULL, lease_until = NULL
            WHERE id = $1 AND state IN ('draft', 'running')
            """,
            cancellationToken);

    public Task<BroadcastView?> GetAsync(long broadcastId, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(() => BroadcastRows.ReadAsync(dataSource, broadcastId, cancellationToken));

    private Task<BroadcastView?> MoveAsync(long broadcastId, string sql, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new() { Value = broadcastId });
            command.Parameters.Add(new() { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1
                ? await BroadcastRows.ReadAsync(dataSource, broadcastId, cancellationToken)
                : null;
        });
}

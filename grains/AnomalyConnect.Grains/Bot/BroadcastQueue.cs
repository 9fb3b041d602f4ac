using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Bot;

/// <summary>
/// Leases running broadcasts and hands out recipients. At most once per recipient: a recipient is marked
/// <c>sending</c> (committed) before its message goes out; whoever takes a broadcast over turns the previous holder's
/// <c>sending</c> rows into <c>in_doubt</c> instead of sending them again. Claims and outcomes are fenced by the
/// lease's epoch, and a claim holds the broadcast row (FOR SHARE) so a takeover cannot slip between check and claim.
/// </summary>
internal sealed class BroadcastQueue(NpgsqlDataSource dataSource, TimeProvider clock) : IBroadcastQueue
{
    public Task<BroadcastLease?> AcquireAsync(string owner, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            long id;
            long epoch;
            await using (var take = new NpgsqlCommand(
                """
                UPDATE bot_broadcasts SET lease_owner = $1, lease_until = $3, lease_epoch = lease_epoch + 1
                WHERE id = (
                    SELECT id FROM bot_broadcasts
                    WHERE state = 'running' AND (lease_until IS NULL OR lease_until <= $2 OR lease_owner = $1)
                    ORDER BY id LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, lease_epoch
                """,
                connection, transaction))
            {
                take.Parameters.Add(new() { Value = owner });
                take.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                take.Parameters.Add(new() { Value = now + leaseFor, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                await using var reader = await take.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }
                (id, epoch) = (reader.GetInt64(0), reader.GetInt64(1));
            }
            await using (var orphans = new NpgsqlCommand(
                "UPDATE bot_broadcast_recipients SET state = 'in_doubt', done_at = $2 WHERE broadcast_id = $1 AND state = 'sending'",
                connection, transaction))
            {
                orphans.Parameters.Add(new() { Value = id });
                orphans.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                await orphans.ExecuteNonQueryAsync(cancellationToken);
            }
            var view = await BroadcastRows.ReadAsync(connection, transaction, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new BroadcastLease(id, owner, epoch, view!);
        });

    public Task<bool> RenewAsync(BroadcastLease lease, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "UPDATE bot_broadcasts SET lease_until = $4 WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3 AND state = 'running'");
            AddLease(command.Parameters, lease);
            command.Parameters.Add(new() { Value = clock.GetUtcNow() + leaseFor, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        });

    public Task<IReadOnlyList<long>> ClaimAsync(BroadcastLease lease, int count, CancellationToken cancellationToken) =>
        StateStore.GuardAsync<IReadOnlyList<long>>(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var hold = new NpgsqlCommand(
                "SELECT 1 FROM bot_broadcasts WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3 AND state = 'running' FOR SHARE",
                connection, transaction))
            {
                AddLease(hold.Parameters, lease);
                if (await hold.ExecuteScalarAsync(cancellationToken) is null)
                {
                    return [];
                }
            }
            var claimed = new List<long>();
            await using (var claim = new NpgsqlCommand(
                """
                UPDATE bot_broadcast_recipients SET state = 'sending', epoch = $2, claimed_at = $4
                WHERE broadcast_id = $1 AND chat_id IN (
                    SELECT chat_id FROM bot_broadcast_recipients
                    WHERE broadcast_id = $1 AND state = 'pending'
                    ORDER BY chat_id LIMIT $3
                    FOR UPDATE SKIP LOCKED)
                RETURNING chat_id
                """,
                connection, transaction))
            {
                claim.Parameters.Add(new() { Value = lease.BroadcastId });
                claim.Parameters.Add(new() { Value = lease.Epoch });
                claim.Parameters.Add(new() { Value = count });
                claim.Parameters.Add(new() { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    claimed.Add(reader.GetInt64(0));
                }
            }
            await transaction.CommitAsync(cancellationToken);
            claimed.Sort();
            return claimed;
        });

    public Task RecordAsync(BroadcastLease lease, IReadOnlyList<BroadcastDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return Task.CompletedTask;
        }
        return StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                """
                UPDATE bot_broadcast_recipients r
                SET state = d.state,
                    done_at = CASE WHEN d.state = 'pending' THEN NULL ELSE $6 END,
                    epoch = CASE WHEN d.state = 'pending' THEN NULL ELSE r.epoch END,
                    error = d.error
                FROM unnest($3::bigint[], $4::text[], $5::text[]) AS d(chat_id, state, error)
                WHERE r.broadcast_id = $1 AND r.chat_id = d.chat_id AND r.state = 'sending' AND r.epoch = $2
                """);
            command.Parameters.Add(new() { Value = lease.BroadcastId });
            command.Parameters.Add(new() { Value = lease.Epoch });
            command.Parameters.Add(new() { Value = deliveries.Select(d => d.ChatId).ToArray() });
            command.Parameters.Add(new() { Value = deliveries.Select(d => BroadcastRows.OutcomeName(d.Outcome)).ToArray() });
            command.Parameters.Add(new() { Value = deliveries.Select(d => d.Error is { Length: > 300 } e ? e[..300] : d.Error).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });
    }

    public Task<BroadcastView?> FinishAsync(BroadcastLease lease, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var finish = new NpgsqlCommand(
                """
                UPDATE bot_broadcasts b SET state = 'finished', finished_at = $4, lease_owner = NULL, lease_until = NULL
                WHERE b.id = $1 AND b.lease_owner = $2 AND b.lease_epoch = $3 AND b.state = 'running'
                  AND NOT EXISTS (
                      SELECT 1 FROM bot_broadcast_recipients r
                      WHERE r.broadcast_id = b.id AND (r.state = 'pending' OR (r.state = 'sending' AND r.epoch = $3)))
                """,
                connection, transaction))
            {
                AddLease(finish.Parameters, lease);
                finish.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                if (await finish.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    // Claims of an earlier holder that slipped in before its lease was taken: never sent again.
                    await using var leftovers = new NpgsqlCommand(
                        "UPDATE bot_broadcast_recipients SET state = 'in_doubt', done_at = $2 WHERE broadcast_id = $1 AND state = 'sending'",
                        connection, transaction);
                    leftovers.Parameters.Add(new() { Value = lease.BroadcastId });
                    leftovers.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                    await leftovers.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            var view = await BroadcastRows.ReadAsync(connection, transaction, lease.BroadcastId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return view;
        });

    public Task SetProgressMessageAsync(long broadcastId, long messageId, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand("UPDATE bot_broadcasts SET progress_message_id = $2 WHERE id = $1");
            command.Parameters.Add(new() { Value = broadcastId });
            command.Parameters.Add(new() { Value = messageId });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    private static void AddLease(NpgsqlParameterCollection parameters, BroadcastLease lease)
    {
        parameters.Add(new() { Value = lease.BroadcastId });
        parameters.Add(new() { Value = lease.Owner });
        parameters.Add(new() { Value = lease.Epoch });
    }
}

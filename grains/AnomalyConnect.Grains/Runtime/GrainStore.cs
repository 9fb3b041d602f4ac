using System.Data;
using AnomalyConnect.Contracts.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>Reads and writes grain rows; every change is one transaction that locks the grain's row first.</summary>
public sealed class GrainStore(NpgsqlDataSource dataSource, TimeProvider clock, OutboxSignal outboxSignal)
{
    public async Task<TState?> ReadAsync<TState>(string grainType, string key, CancellationToken cancellationToken)
        where TState : class
    {
        return await StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT state::text FROM grain_state WHERE grain_type = $1 AND grain_key = $2");
            command.Parameters.Add(new() { Value = grainType });
            command.Parameters.Add(new() { Value = key });
            var json = await command.ExecuteScalarAsync(cancellationToken) as string;
            return json is null ? null : GrainJson.Deserialize<TState>(json);
        });
    }

    internal Task<TResult> UpdateAsync<TState, TResult>(
        string grainType,
        string key,
        Func<GrainTurn<TState>, Task<TResult>> change,
        FiringTimer? firingTimer,
        CancellationToken cancellationToken)
        where TState : class
    {
        return StateStore.GuardAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

            var lockedJson = await LockRowAsync(connection, transaction, grainType, key, cancellationToken);
            if (firingTimer is not null && !await ConsumeTimerAsync(connection, transaction, grainType, key, firingTimer, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return default!;
            }

            var state = lockedJson is null ? null : GrainJson.Deserialize<TState>(lockedJson);
            var turn = new GrainTurn<TState>(key, state, clock.GetUtcNow(), connection, transaction);
            var result = await change(turn);

            await SaveAsync(connection, transaction, grainType, turn, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (turn.Outbox.Count > 0)
            {
                outboxSignal.Notify();
            }
            return result;
        });
    }

    private static async Task<string?> LockRowAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string grainType, string key, CancellationToken cancellationToken)
    {
        // One statement for an existing grain and for a new one: lock the row or, when there is none, insert an empty
        // one, which is ours alone until commit, so that concurrent creators queue on it like on any other change.
        // No row back means another creator's insert won (ON CONFLICT waited for its commit): the next statement sees
        // that row and queues on its lock.
        while (true)
        {
            await using var command = new NpgsqlCommand(
                """
                WITH locked AS (
                    SELECT state FROM grain_state WHERE grain_type = $1 AND grain_key = $2 FOR UPDATE
                ), created AS (
                    INSERT INTO grain_state (grain_type, grain_key, state, updated_at)
                    SELECT $1, $2, NULL, now() WHERE NOT EXISTS (SELECT FROM locked)
                    ON CONFLICT DO NOTHING
                    RETURNING state
                )
                SELECT state::text FROM locked UNION ALL SELECT state::text FROM created
                """,
                connection, transaction);
            command.Parameters.Add(new() { Value = grainType });
            command.Parameters.Add(new() { Value = key });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return reader.IsDBNull(0) ? null : reader.GetString(0);
            }
        }
    }

    private static async Task<bool> ConsumeTimerAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string grainType, string key, FiringTimer timer, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "DELETE FROM grain_timers WHERE grain_type = $1 AND grain_key = $2 AND timer_name = $3 AND due_at = $4",
            connection, transaction);
        command.Parameters.Add(new() { Value = grainType });
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = timer.Name });
        command.Parameters.Add(new() { Value = timer.DueAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task SaveAsync<TState>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string grainType, GrainTurn<TState> turn, CancellationToken cancellationToken)
        where TState : class
    {
        var batch = new NpgsqlBatch(connection, transaction);
        await using var _ = batch;
        foreach (var command in turn.Writes)
        {
            batch.BatchCommands.Add(command);
        }
        if (turn.State is null)
        {
            AddCommand(batch, "DELETE FROM grain_state WHERE grain_type = $1 AND grain_key = $2", grainType, turn.Key);
            AddCommand(batch, "DELETE FROM grain_index WHERE grain_type = $1 AND grain_key = $2", grainType, turn.Key);
            AddCommand(batch, "DELETE FROM grain_timers WHERE grain_type = $1 AND grain_key = $2", grainType, turn.Key);
        }
        else
        {
            AddCommand(batch,
                "UPDATE grain_state SET state = $3::jsonb, version = version + 1, updated_at = $4 WHERE grain_type = $1 AND grain_key = $2",
                grainType, turn.Key, GrainJson.Serialize(turn.State), turn.Now);
            // A grain that did not exist when the turn began has no timers or index entries to remove: the turn that
            // removed its state removed them too.
            AddTimerCommands(batch, grainType, turn.Key, turn.Timers, turn.Existed);
            AddIndexCommands(batch, grainType, turn.Key, turn.Indexes, turn.Existed);
        }
        AddOutboxCommand(batch, turn.Outbox, turn.Now);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddTimerCommands(NpgsqlBatch batch, string grainType, string key, IReadOnlyDictionary<string, DateTimeOffset?> timers, bool existed)
    {
        foreach (var (name, dueAt) in timers)
        {
            if (dueAt is { } due)
            {
                AddCommand(batch,
                    """
                    INSERT INTO grain_timers (grain_type, grain_key, timer_name, due_at) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (grain_type, grain_key, timer_name) DO UPDATE SET due_at = EXCLUDED.due_at, attempts = 0
                    """,
                    grainType, key, name, due);
            }
            else if (existed)
            {
                AddCommand(batch, "DELETE FROM grain_timers WHERE grain_type = $1 AND grain_key = $2 AND timer_name = $3", grainType, key, name);
            }
        }
    }

    private static void AddIndexCommands(NpgsqlBatch batch, string grainType, string key, IReadOnlyDictionary<string, string?> indexes, bool existed)
    {
        foreach (var (name, value) in indexes)
        {
            if (existed)
            {
                AddCommand(batch, "DELETE FROM grain_index WHERE grain_type = $1 AND grain_key = $2 AND index_name = $3", grainType, key, name);
            }
            if (value is not null)
            {
                AddCommand(batch,
                    "INSERT INTO grain_index (grain_type, index_name, index_value, grain_key) VALUES ($1, $2, $3, $4)",
                    grainType, name, value, key);
            }
        }
    }

    private static void AddOutboxCommand(NpgsqlBatch batch, IReadOnlyList<PendingOutboxMessage> messages, DateTimeOffset now)
    {
        if (messages.Count == 0)
        {
            return;
        }
        AddCommand(batch,
            """
            INSERT INTO outbox (kind, partition_key, payload, created_at, next_attempt_at)
            SELECT kind, partition_key, payload::jsonb, $4, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS m(kind, partition_key, payload)
            """,
            messages.Select(m => m.Kind).ToArray(),
            messages.Select(m => m.PartitionKey).ToArray(),
            messages.Select(m => m.PayloadJson).ToArray(),
            now);
    }

    private static void AddCommand(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is DateTimeOffset time
                ? new NpgsqlParameter { Value = time, NpgsqlDbType = NpgsqlDbType.TimestampTz }
                : new NpgsqlParameter { Value = value });
        }
        batch.BatchCommands.Add(command);
    }
}

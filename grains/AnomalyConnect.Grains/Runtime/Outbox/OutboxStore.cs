using AnomalyConnect.Contracts.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>Claims, completes and reschedules outbox entries. Only the oldest entry of a partition is ever claimable.</summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Planner settings for the claim, local to its transaction. An outbox is empty most of the time, so PostgreSQL's
    /// statistics mostly say it has no rows; a backlog (a bulk grant, a node resync, a mass expiry) then met a plan made
    /// for an empty table: a sort of every waiting entry at each claim, or, with every candidate's partition checked by
    /// a scan of the whole outbox, a quadratic one (3 s per claim with 3,500 entries waiting, in the scale-out
    /// benchmark). Without sequential scans and sorts the one plan left walks the primary key in order, stops at the
    /// limit, and checks each candidate's partition through <c>outbox_partition</c>, whatever the estimates.
    /// </summary>
    internal const string PlannerSettingsSql = "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)";

    /// <summary>
    /// Claims in <see cref="ClaimAsync"/>: $1 now, $2 the lease's end, $3 the silo, $4 the limit. The locking, limited
    /// selection is a materialized CTE: as a subquery of the UPDATE it could be run again under concurrent changes and
    /// lease more rows than the LIMIT. Its ids are handed over as an array so that the UPDATE reads them by primary key.
    /// The older entry of a partition is looked for by a scalar subquery, not NOT EXISTS, which PostgreSQL turns into
    /// a join that it may run as a scan of the whole outbox per candidate.
    /// </summary>
    internal const string ClaimSql =
        """
        WITH claimed AS MATERIALIZED (
            SELECT x.id FROM outbox x
            WHERE x.next_attempt_at <= $1
              AND (x.leased_until IS NULL OR x.leased_until <= $1)
              AND (SELECT y.id FROM outbox y WHERE y.partition_key = x.partition_key AND y.id < x.id LIMIT 1) IS NULL
            ORDER BY x.id
            LIMIT $4
            FOR UPDATE SKIP LOCKED
        )
        UPDATE outbox o SET leased_until = $2, leased_by = $3, attempts = o.attempts + 1
        WHERE o.id = ANY (ARRAY(SELECT id FROM claimed))
        RETURNING o.id, o.kind, o.partition_key, o.payload::text, o.attempts, o.created_at
        """;

    /// <summary>Leases up to <paramref name="limit"/> claimable entries, the oldest first, only the oldest of each partition.</summary>
    public async Task<IReadOnlyList<OutboxEnvelope>> ClaimAsync(string silo, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claim = new NpgsqlBatchCommand(ClaimSql)
        {
            Parameters =
            {
                new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = now + lease, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = silo },
                new() { Value = limit },
            },
        };
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { new(PlannerSettingsSql), claim } };
        var claimed = new List<OutboxEnvelope>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new OutboxEnvelope(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    public async Task CompleteAsync(long id, string silo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM outbox WHERE id = $1 AND leased_by = $2");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = silo });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RetryLaterAsync(long id, string silo, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE outbox SET leased_until = NULL, leased_by = NULL, next_attempt_at = $3, last_error = $4 WHERE id = $1 AND leased_by = $2");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = silo });
        command.Parameters.Add(new() { Value = nextAttemptAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = error });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MoveToDeadLetterAsync(long id, string silo, DateTimeOffset now, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH dead AS (DELETE FROM outbox WHERE id = $1 AND leased_by = $2 RETURNING *)
            INSERT INTO outbox_dead (id, kind, partition_key, payload, created_at, failed_at, attempts, last_error)
            SELECT id, kind, partition_key, payload, created_at, $3, attempts, $4 FROM dead
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = silo });
        command.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = error });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Entries waiting for delivery, for metrics and tests.</summary>
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM outbox");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

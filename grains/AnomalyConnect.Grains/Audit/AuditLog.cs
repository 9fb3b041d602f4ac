using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Audit;

internal sealed class AuditLog(NpgsqlDataSource dataSource, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AuditStore.RecordAsync(connection, null, record, clock.GetUtcNow());
    }

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        const string filter =
            """
            FROM audit_log WHERE ($1::text IS NULL OR subject_type = $1) AND ($2::text IS NULL OR subject_id = $2)
              AND ($3::text IS NULL OR actor_kind = $3) AND ($4::text IS NULL OR action = $4)
            """;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Filtered($"SELECT count(*) {filter}", query));
        var rows = Filtered(
            $"SELECT id, at, action, subject_type, subject_id, actor_kind, actor_id, actor_address, actor_reference, details::text {filter} ORDER BY id DESC LIMIT $5 OFFSET $6",
            query);
        rows.Parameters.Add(new() { Value = pageSize });
        rows.Parameters.Add(new() { Value = (page - 1) * pageSize });
        batch.BatchCommands.Add(rows);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                new Actor(reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)),
                GrainJson.Deserialize<Dictionary<string, string?>>(reader.GetString(9))));
        }
        return new AuditPage(entries, page, pageSize, total);
    }

    private static NpgsqlBatchCommand Filtered(string sql, AuditQuery query) => new(sql)
    {
        Parameters =
        {
            new() { Value = (object?)query.SubjectType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)query.SubjectId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)query.ActorKind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)query.Action ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
        },
    };
}

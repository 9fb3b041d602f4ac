using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Audit;

/// <summary>Writes audit entries, inside a grain's turn (so the entry commits with the change) or on their own.</summary>
public static class AuditStore
{
    private const string InsertSql =
        """
        INSERT INTO audit_log (at, action, subject_type, subject_id, actor_kind, actor_id, actor_address, actor_reference, details)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
        """;

    public static NpgsqlBatchCommand Command(AuditRecord record, DateTimeOffset at)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        AddParameters(command.Parameters, record, at);
        return command;
    }

    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditRecord record, DateTimeOffset at)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        AddParameters(command.Parameters, record, at);
        await command.ExecuteNonQueryAsync();
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, AuditRecord record, DateTimeOffset at)
    {
        parameters.Add(new() { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new() { Value = record.Action });
        parameters.Add(new() { Value = record.SubjectType });
        parameters.Add(new() { Value = record.SubjectId });
        parameters.Add(new() { Value = record.Actor.Kind });
        parameters.Add(new() { Value = record.Actor.Id });
        parameters.Add(new() { Value = (object?)record.Actor.Address ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new() { Value = (object?)record.Actor.Reference ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new() { Value = GrainJson.Serialize(record.Details ?? new Dictionary<string, string?>()) });
    }
}

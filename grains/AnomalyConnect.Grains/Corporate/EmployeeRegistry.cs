using System.Text.Json;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>Lists registry entries from the employee grains' committed state, by id.</summary>
internal sealed class EmployeeRegistry(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<EmployeeView>> ListAsync(RegistryState? state, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        page = Math.Max(1, page);
        await using var command = dataSource.CreateCommand(
            """
            SELECT grain_key, state::text FROM grain_state
            WHERE grain_type = $1 AND state IS NOT NULL AND ($2::text IS NULL OR state->>'registry' = $2)
            ORDER BY grain_key LIMIT $3 OFFSET $4
            """);
        command.Parameters.Add(new() { Value = EmployeeIndexes.GrainType });
        command.Parameters.Add(new()
        {
            Value = state is { } s ? JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()) : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Text,
        });
        command.Parameters.Add(new() { Value = pageSize });
        command.Parameters.Add(new() { Value = (page - 1) * pageSize });
        var entries = new List<EmployeeView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(EmployeeViews.Of(reader.GetString(0), GrainJson.Deserialize<EmployeeState>(reader.GetString(1))));
        }
        return entries;
    }
}

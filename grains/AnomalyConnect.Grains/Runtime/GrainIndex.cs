using Npgsql;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>The one place where a grain is found by a secondary key (token, Telegram id, employee id).</summary>
public sealed class GrainIndex(NpgsqlDataSource dataSource)
{
    public Task<string?> FindKeyAsync(string grainType, string indexName, string value, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT grain_key FROM grain_index WHERE grain_type = $1 AND index_name = $2 AND index_value = $3");
            command.Parameters.Add(new() { Value = grainType });
            command.Parameters.Add(new() { Value = indexName });
            command.Parameters.Add(new() { Value = value });
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        });
}

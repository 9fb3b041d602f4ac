using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Testing;
using Npgsql;

namespace AnomalyConnect.Bot.Tests.Support;

/// <summary>Queues outbox entries the way a grain turn does, and reads what became of them.</summary>
public static class OutboxRows
{
    public static async Task QueueAsync<T>(TestDatabase database, string kind, string partition, T payload)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO outbox (kind, partition_key, payload, created_at, next_attempt_at) VALUES ($1, $2, $3::jsonb, now(), now())", connection);
        command.Parameters.Add(new() { Value = kind });
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = GrainJson.Serialize(payload) });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Entries of the partition still waiting (or retrying) and dead-lettered.</summary>
    public static async Task<(long Waiting, long Dead)> CountAsync(TestDatabase database, string partition) =>
        (await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE partition_key = $1", partition),
         await database.ScalarAsync<long>("SELECT count(*) FROM outbox_dead WHERE partition_key = $1", partition));
}

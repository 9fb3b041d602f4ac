using System.Text.Json;
using AnomalyConnect.Contracts.Admin;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Admin;

/// <summary>Which users a bulk job has applied, one row each: the job counts a user only when its row is new.</summary>
internal static class BulkJobItems
{
    public static async Task<bool> TryAddAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string jobId, string userId, BulkItemOutcome outcome, DateTimeOffset at)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO bulk_job_items (job_id, user_id, outcome, at) VALUES ($1, $2, $3, $4) ON CONFLICT (job_id, user_id) DO NOTHING",
            connection, transaction);
        command.Parameters.Add(new() { Value = jobId });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString()) });
        command.Parameters.Add(new() { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync() == 1;
    }
}

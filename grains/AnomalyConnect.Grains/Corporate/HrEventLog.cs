using System.Text.Json;
using AnomalyConnect.Contracts.Corporate;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// The HR events already received (<c>hr_events</c>), written inside the employee grain's turn: the row and the change it
/// causes commit together, so a replayed event id — even one racing the original — finds the row and changes nothing.
/// </summary>
internal static class HrEventLog
{
    public const string Applied = "applied";
    public const string Stale = "stale";

    /// <summary>False when the event id was recorded before (by a committed or a concurrent turn that then commits).</summary>
    public static async Task<bool> TryRecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, HrEvent hrEvent, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO hr_events (event_id, employee_id, type, occurred_at, received_at, outcome) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (event_id) DO NOTHING
            """,
            connection, transaction);
        command.Parameters.Add(new() { Value = hrEvent.EventId });
        command.Parameters.Add(new() { Value = hrEvent.EmployeeId });
        command.Parameters.Add(new() { Value = TypeName(hrEvent.Type) });
        command.Parameters.Add(new() { Value = hrEvent.OccurredAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = Applied });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public static async Task SetOutcomeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string eventId, string outcome)
    {
        await using var command = new NpgsqlCommand("UPDATE hr_events SET outcome = $2 WHERE event_id = $1", connection, transaction);
        command.Parameters.Add(new() { Value = eventId });
        command.Parameters.Add(new() { Value = outcome });
        await command.ExecuteNonQueryAsync();
    }

    public static string TypeName(HrEventType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());
}

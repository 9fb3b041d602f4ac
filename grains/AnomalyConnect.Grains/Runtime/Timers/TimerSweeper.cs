using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>
/// Fires due grain timers. Each fires inside the grain's own turn, which deletes the timer row as it runs,
/// so a timer fires exactly once even when two sweeps overlap or a silo dies mid-sweep.
/// </summary>
internal sealed partial class TimerSweeper(
    NpgsqlDataSource dataSource,
    GrainFactory grains,
    IOptions<GrainRuntimeOptions> options,
    TimeProvider clock,
    ILogger<TimerSweeper> logger)
{
    private const int BatchSize = 256;
    private readonly GrainRuntimeOptions settings = options.Value;

    /// <summary>Fires every timer due now, batch by batch, until none is left or the sweep budget is spent.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + settings.TimerSweepBudget;
        var fired = 0;
        while (clock.GetUtcNow() < deadline)
        {
            var due = await LoadDueAsync(clock.GetUtcNow(), cancellationToken);
            if (due.Count == 0)
            {
                break;
            }
            var firedInBatch = 0;
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = settings.TimerParallelism, CancellationToken = cancellationToken },
                async (timer, token) =>
                {
                    if (await FireAsync(timer, token))
                    {
                        Interlocked.Increment(ref firedInBatch);
                    }
                });
            fired += firedInBatch;
            if (due.Count < BatchSize)
            {
                break;
            }
        }
        return fired;
    }

    private async Task<bool> FireAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        var grain = grains.ActivateByTypeName(timer.GrainType, timer.GrainKey);
        if (grain is null)
        {
            LogUnknownGrainType(logger, timer.GrainType, timer.TimerName);
            await PostponeAsync(timer, TimeSpan.FromMinutes(5), cancellationToken);
            return false;
        }
        try
        {
            var lag = clock.GetUtcNow() - timer.DueAt;
            var fired = await grain.FireTimerAsync(timer.TimerName, timer.DueAt, cancellationToken);
            if (fired)
            {
                AnomalyConnect.Contracts.Admin.AnomalyMetrics.TimerLag.Record(
                    Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("grain_type", timer.GrainType));
            }
            return fired;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, timer.Attempts), 300));
            LogTimerFailed(logger, exception, timer.GrainType, timer.GrainKey, timer.TimerName, delay);
            await PostponeAsync(timer, delay, cancellationToken);
            return false;
        }
    }

    private async Task<IReadOnlyList<DueTimer>> LoadDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT grain_type, grain_key, timer_name, due_at, attempts FROM grain_timers WHERE due_at <= $1 ORDER BY due_at LIMIT $2");
        command.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = BatchSize });
        var due = new List<DueTimer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueTimer(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4)));
        }
        return due;
    }

    private async Task PostponeAsync(DueTimer timer, TimeSpan delay, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE grain_timers SET due_at = $5, attempts = attempts + 1
            WHERE grain_type = $1 AND grain_key = $2 AND timer_name = $3 AND due_at = $4
            """);
        command.Parameters.Add(new() { Value = timer.GrainType });
        command.Parameters.Add(new() { Value = timer.GrainKey });
        command.Parameters.Add(new() { Value = timer.TimerName });
        command.Parameters.Add(new() { Value = timer.DueAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = clock.GetUtcNow() + delay, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {TimerName} of {GrainType} {GrainKey} failed; retrying in {Delay}")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception, string grainType, string grainKey, string timerName, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerName} belongs to grain type {GrainType}, which this silo does not know; postponed")]
    private static partial void LogUnknownGrainType(ILogger logger, string grainType, string timerName);
}

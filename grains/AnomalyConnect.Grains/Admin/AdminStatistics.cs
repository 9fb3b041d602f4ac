using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Admin;

/// <summary>
/// Overview figures read from the runtime's and the traffic tables. "Online" means traffic counted within two poll
/// intervals (a user moving data shows up at every poll); daily usage comes from <c>user_daily_usage</c>, which a
/// trigger on <c>user_traffic</c> fills (migration 0009).
/// </summary>
internal sealed class AdminStatistics(NpgsqlDataSource dataSource, OutboxStore outbox, TimeProvider clock, IOptions<NodeOptions> nodes) : IAdminStatistics
{
    private static readonly TimeSpan OverdueAfter = TimeSpan.FromSeconds(5);

    public async Task<OperationsSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var onlineSince = now - (nodes.Value.PollInterval * 2);
        var pending = await outbox.CountPendingAsync(cancellationToken);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*) FROM outbox_dead"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*), min(due_at) FROM grain_timers WHERE due_at < $1")
        {
            Parameters = { new() { Value = now - OverdueAfter, NpgsqlDbType = NpgsqlDbType.TimestampTz } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(DISTINCT user_id) FROM user_daily_usage WHERE day >= $1 AND last_at >= $2")
        {
            Parameters =
            {
                new() { Value = DateOnly.FromDateTime(onlineSince.UtcDateTime), NpgsqlDbType = NpgsqlDbType.Date },
                new() { Value = onlineSince, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT coalesce(sum(upload_bytes + download_bytes), 0)::bigint FROM user_daily_usage WHERE day = $1")
        {
            Parameters = { new() { Value = DateOnly.FromDateTime(now.UtcDateTime), NpgsqlDbType = NpgsqlDbType.Date } },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var dead = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var overdue = reader.GetInt64(0);
        var oldest = reader.IsDBNull(1) ? 0 : Math.Max(0, (now - reader.GetFieldValue<DateTimeOffset>(1)).TotalSeconds);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var online = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var today = reader.GetInt64(0);
        return new OperationsSnapshot(pending, dead, overdue, oldest, online, today);
    }

    public async Task<IReadOnlyList<DailyUsage>> DailyUsageAsync(string userId, int days, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var command = dataSource.CreateCommand(
            "SELECT day, upload_bytes, download_bytes FROM user_daily_usage WHERE user_id = $1 AND day > $2 ORDER BY day");
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = today.AddDays(-Math.Clamp(days, 1, 366)), NpgsqlDbType = NpgsqlDbType.Date });
        var usage = new List<DailyUsage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            usage.Add(new DailyUsage(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
        return usage;
    }

    public async Task<IReadOnlyList<NodeUsage>> UsageByNodeAsync(string userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT node_id, upload_bytes, download_bytes FROM user_node_traffic WHERE user_id = $1 ORDER BY node_id");
        command.Parameters.Add(new() { Value = userId });
        var usage = new List<NodeUsage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            usage.Add(new NodeUsage(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
        return usage;
    }
}

using System.Diagnostics;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 5: the real v2ray node is killed and started again empty (as a core restart leaves it). The silo notices at
/// its next poll (uptime went down) and queues a resync; measured until that resync left the outbox (every AlterInbound
/// answered), then every user is checked with a real VLESS request through the node.
/// </summary>
public static class ResyncFigure
{
    public const string Name = "5 node resync";
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        var users = await bench.UsersOnNodeAsync(BenchWorld.RealNodeId);
        var partition = $"node-resync:{BenchWorld.RealNodeId}";
        world.Rss.Phase = "resync";
        await world.Db.ResetStatementsAsync();
        Report.Progress($"{Name}: restarting {BenchWorld.RealNodeId} empty ({users.Count} users placed on it)");
        var window = world.StartWindow();
        var restartedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await world.RealNode!.RestartEmptyAsync();

        DateTimeOffset? queuedAt = null;
        var deadline = TimeSpan.FromSeconds(120);
        while (queuedAt is null && clock.Elapsed < deadline)
        {
            var rows = await world.Db.RowsAsync(
                "SELECT (extract(epoch FROM created_at) * 1000)::bigint FROM outbox WHERE partition_key = $1 ORDER BY id LIMIT 1", partition);
            if (rows.Count > 0)
            {
                queuedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                await Task.Delay(50);
            }
        }
        var done = queuedAt is not null
            && await world.Db.WaitForZeroAsync("SELECT count(*) FROM outbox WHERE partition_key = $1", deadline, partition);
        var doneAt = DateTimeOffset.UtcNow;
        window.Stop();

        Report.Progress($"{Name}: checking every user with a VLESS request through the node");
        var back = await Bench.CountAsync(users, bench.Settings.VlessConcurrency, u => bench.FetchThroughRealNodeAsync(u.Uuid));
        var provisioning = queuedAt is { } q ? doneAt - q : TimeSpan.MaxValue;
        var total = doneAt - restartedAt;
        var details = new List<string>
        {
            $"restart → resync queued (the next poll noticed the lower uptime): {(queuedAt is { } at ? $"{(at - restartedAt).TotalSeconds:0.0} s" : "never")}; bounded by the poll interval (15 s)",
            $"resync queued → done (every AlterInbound answered): {(done ? $"{provisioning.TotalSeconds:0.0} s" : "not within 120 s")}",
            $"restart → every user provisioned again: {total.TotalSeconds:0.0} s",
            $"afterwards {back} of {users.Count} users fetched a page through the node over VLESS",
        };
        details.AddRange(await world.Db.TopStatementsAsync());
        bench.Report.Add(new FigureResult(Name,
            $"{provisioning.TotalSeconds:0.0} s from the silo noticing to {users.Count} users back ({total.TotalSeconds:0.0} s from the restart)",
            $"≤ {Target.TotalSeconds:0} s for 10,000 users", done && back == users.Count && provisioning <= Target, window, details));
    }
}

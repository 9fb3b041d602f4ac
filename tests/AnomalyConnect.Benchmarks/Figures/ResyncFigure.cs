using System.Diagnostics;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 5: the real v2ray node is killed and started again empty (as a core restart leaves it), right after one of
/// its polls, so the next poll is a whole interval away: the worst case. The silo's uptime heartbeat notices the lower
/// uptime, probes the node and queues a resync; timed from the restart until that resync left the outbox (every
/// AlterInbound answered), then every user is checked with a real VLESS request through the node.
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
        Report.Progress($"{Name}: restarting {BenchWorld.RealNodeId} empty right after a poll ({users.Count} users placed on it)");
        var polledAt = await JustPolledAsync(world);
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
            $"the last poll before the restart ended {(restartedAt - polledAt).TotalSeconds:0.0} s before it; the next was due a poll interval (15 s) after it",
            $"restart → resync queued (the heartbeat noticed the lower uptime and probed the node): {(queuedAt is { } at ? $"{(at - restartedAt).TotalSeconds:0.0} s" : "never")}",
            $"resync queued → done (every AlterInbound answered): {(done ? $"{provisioning.TotalSeconds:0.0} s" : "not within 120 s")}",
            $"restart → every user provisioned again: {total.TotalSeconds:0.0} s",
            $"afterwards {back} of {users.Count} users fetched a page through the node over VLESS",
        };
        details.AddRange(await world.Db.TopStatementsAsync());
        bench.Report.Add(new FigureResult(Name,
            $"{total.TotalSeconds:0.0} s from the restart to {users.Count} users back ({provisioning.TotalSeconds:0.0} s of it the resync itself)",
            $"≤ {Target.TotalSeconds:0} s from the restart for 10,000 users", done && back == users.Count && total <= Target, window, details));
    }

    /// <summary>Waits for the node's next poll to be applied (its last check moves) and returns when that was.</summary>
    private static async Task<DateTimeOffset> JustPolledAsync(BenchWorld world)
    {
        const string LastChecked = "SELECT coalesce(state->>'last_checked_at', '') FROM grain_state WHERE grain_type = 'node' AND grain_key = $1";
        var before = (await world.Db.RowsAsync(LastChecked, BenchWorld.RealNodeId))[0][0];
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(40))
        {
            if ((await world.Db.RowsAsync(LastChecked, BenchWorld.RealNodeId))[0][0] != before)
            {
                return DateTimeOffset.UtcNow;
            }
            await Task.Delay(20);
        }
        throw new InvalidOperationException($"{BenchWorld.RealNodeId} was not polled within 40 s.");
    }
}

using System.Diagnostics;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 4: every user of the real node gets the same expiry instant (UserAction.SetExpiry through the real user
/// grain, called in this process), the worst case of "expiring in the same minute". From that instant the silo's
/// timer sweep expires them and its outbox takes them off v2ray; measured until none is left in node_members and the
/// outbox is empty, then a sample must fail to connect.
/// </summary>
public static class ExpiryFigure
{
    public const string Name = "4 mass expiry";
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        var users = await bench.UsersOnNodeAsync(BenchWorld.RealNodeId);
        world.Rss.Phase = "expiry";
        var now = DateTimeOffset.UtcNow;
        var expiresAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(2);
        Report.Progress($"{Name}: setting {users.Count} users of {BenchWorld.RealNodeId} to expire at {expiresAt:HH:mm:ss}");
        var setClock = Stopwatch.StartNew();
        var set = await Bench.CountAsync(users, 16, async u =>
            (await world.InProcess.Grains.GetGrain<IUserGrain>(u.UserId).ApplyAsync(new UserAction.SetExpiry(expiresAt))).Outcome == UserOutcome.Done);
        var setTook = setClock.Elapsed;
        if (DateTimeOffset.UtcNow > expiresAt - TimeSpan.FromSeconds(5))
        {
            throw new InvalidOperationException($"Setting the expiries took {setTook.TotalSeconds:0} s, past the chosen instant; rerun with fewer users.");
        }
        await Task.Delay(expiresAt - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));
        await world.Db.ResetStatementsAsync();
        await Task.Delay(expiresAt - DateTimeOffset.UtcNow);

        var window = world.StartWindow();
        var expiredWithin = TimeSpan.MaxValue;
        var offWithin = TimeSpan.MaxValue;
        var deadline = expiresAt + TimeSpan.FromMinutes(10);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var counts = (await world.Db.RowsAsync(
                """
                SELECT (SELECT count(*) FROM user_placements WHERE node_id = $1 AND active),
                       (SELECT count(*) FROM node_members WHERE node_id = $1),
                       (SELECT count(*) FROM outbox WHERE kind = 'node.user-sync')
                """, BenchWorld.RealNodeId))[0];
            if (counts[0] == "0" && expiredWithin == TimeSpan.MaxValue)
            {
                expiredWithin = DateTimeOffset.UtcNow - expiresAt;
            }
            if (counts is ["0", "0", "0"])
            {
                offWithin = DateTimeOffset.UtcNow - expiresAt;
                break;
            }
            await Task.Delay(1000);
        }
        window.Stop();
        var sample = users.OrderBy(_ => Random.Shared.Next()).Take(50).ToList();
        var stillIn = await Bench.CountAsync(sample, 16, u => bench.FetchThroughRealNodeAsync(u.Uuid));
        var details = new List<string>
        {
            $"{set} of {users.Count} expiries set in {setTook.TotalSeconds:0.0} s ({users.Count / setTook.TotalSeconds:0} user turns/s, in this process)",
            $"all marked expired (no active placement left) {Seconds(expiredWithin)} after the instant",
            $"all off the node (node_members empty, no node sync pending) {Seconds(offWithin)} after the instant",
            $"server CPU (silo + PostgreSQL) {window.ServerCpuMsPer(users.Count):0.0} ms per expired user; {window.SilosCpuSeconds + window.PostgresCpuSeconds:0} s in all, "
                + $"which {Machine.Cores} idle cores would spend in {(window.SilosCpuSeconds + window.PostgresCpuSeconds) / Machine.Cores:0} s",
            $"{stillIn} of {sample.Count} sampled expired users could still fetch a page through v2ray",
        };
        details.AddRange(await world.Db.TopStatementsAsync());
        bench.Report.Add(new FigureResult(Name, $"{users.Count} users off their node {Seconds(offWithin)} after expiring at once",
            $"≤ {Target.TotalSeconds:0} s for 10,000 users", offWithin <= Target && stillIn == 0, window, details));
    }

    private static string Seconds(TimeSpan span) => span == TimeSpan.MaxValue ? "not within 10 min" : $"{span.TotalSeconds:0.0} s";
}

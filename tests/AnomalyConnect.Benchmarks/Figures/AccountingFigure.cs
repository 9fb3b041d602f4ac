using System.Diagnostics;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Xray;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 3a: one poll of the real v2ray node holding its users, each with real traffic (one small HTTP GET per user
/// through the node over VLESS). The silos' polling of every node is paused (tick timers moved an hour ahead) so that
/// this program takes node-1's poll alone on the database: a real QueryStats read, then INodeGrain.ApplyProbeAsync,
/// the grain's accounting turn, called in this process on the same database and timed. Three rounds: every counter
/// new; nothing changed; every counter grown.
/// </summary>
public static class AccountingFigure
{
    public const string Name = "3a traffic accounting";
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        var node = world.RealNode!;
        var users = await bench.UsersOnNodeAsync(BenchWorld.RealNodeId);
        world.Rss.Phase = "accounting";
        await NodeTicks.PauseAsync(world);
        try
        {
            var details = new List<string>();
            var traffic = await GenerateTrafficAsync(bench, users);
            details.Add(traffic);
            await world.Db.ResetStatementsAsync();
            var window = world.StartWindow();
            // The silo's code is warm from its own polls; warm this process's copy of the turn on one user's counters first.
            await PollOnceAsync(bench, "warm-up", limit: 1);
            var first = await PollOnceAsync(bench, "every counter new");
            var unchanged = await PollOnceAsync(bench, "no counter changed");
            details.Add(await GenerateTrafficAsync(bench, users));
            var grown = await PollOnceAsync(bench, "every counter grown");
            window.Stop();
            details.AddRange([first.Line, unchanged.Line, grown.Line]);
            var counted = await world.Db.CountAsync(
                "SELECT count(*) FROM user_node_traffic WHERE node_id = $1 AND download_bytes > 0", BenchWorld.RealNodeId);
            details.Add($"users with downloaded bytes persisted for {BenchWorld.RealNodeId}: {counted} of {users.Count}");
            details.AddRange(await world.Db.TopStatementsAsync());
            var worst = new[] { first.Apply, grown.Apply }.Max();
            bench.Report.Add(new FigureResult(Name,
                $"{worst.TotalMilliseconds:0} ms for a poll of {first.Counters} users' counters (worst of the changing rounds)",
                $"< {Target.TotalMilliseconds:0} ms for 10,000 users with traffic, processed and persisted", worst < Target && counted >= users.Count * 0.99,
                window, details));
        }
        finally
        {
            await NodeTicks.ResumeAsync(world);
        }
    }

    private static async Task<string> GenerateTrafficAsync(Bench bench, IReadOnlyList<(string UserId, string Uuid)> users)
    {
        Report.Progress($"{Name}: one HTTP GET per user through v2ray over VLESS ({users.Count} users, {bench.Settings.VlessConcurrency} at once)");
        var clock = Stopwatch.StartNew();
        var ok = await Bench.CountAsync(users, bench.Settings.VlessConcurrency, u => bench.FetchThroughRealNodeAsync(u.Uuid));
        return $"traffic: {ok} of {users.Count} users fetched a 1 KiB page through v2ray over VLESS in {clock.Elapsed.TotalSeconds:0.0} s";
    }

    private static async Task<(TimeSpan Apply, int Counters, string Line)> PollOnceAsync(Bench bench, string round, int limit = int.MaxValue)
    {
        var world = bench.World;
        var endpoint = new XrayEndpoint(world.RealNode!.ApiUrl, XrayFlavor.V2ray);
        var clock = Stopwatch.StartNew();
        var uptime = (await world.InProcess.Xray.GetSystemStatsAsync(endpoint, CancellationToken.None)).UptimeSeconds;
        var counters = (await world.InProcess.Xray.QueryUserTrafficAsync(endpoint, CancellationToken.None))
            .Select(c => new TrafficCounter(NodeProtocol.Vless, c.Key, c.Value.Uplink, c.Value.Downlink))
            .Take(limit)
            .ToList();
        var read = clock.Elapsed;
        var probe = new NodeProbe(DateTimeOffset.UtcNow, true, null, uptime, counters);
        var cpu = new LoadWindow(() => [], () => world.Postgres.Port);
        clock.Restart();
        var result = await world.InProcess.Grains.GetGrain<INodeGrain>(BenchWorld.RealNodeId).ApplyProbeAsync(probe);
        var apply = clock.Elapsed;
        cpu.Stop();
        return (apply, counters.Count,
            $"round \"{round}\": QueryStats read of {counters.Count} users' counters {read.TotalMilliseconds:0} ms; "
            + $"ApplyProbeAsync (accounting turn, committed) {apply.TotalMilliseconds:0} ms wall, CPU spent: PostgreSQL {cpu.PostgresCpuSeconds * 1000:0} ms "
            + $"+ the turn's code in this process {cpu.SelfCpuSeconds * 1000:0} ms (±10 ms ticks); outcome {result.Outcome}");
    }
}

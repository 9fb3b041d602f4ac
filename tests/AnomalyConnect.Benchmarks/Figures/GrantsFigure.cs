using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 2: grants through POST /admin/api/users on one silo, each placed on the real v2ray node (the only node) and
/// pushed to it; counted until the outbox is empty. A twentieth as many grants go first, untimed, so that the figure is
/// the sustained rate of a running silo rather than its first seconds (code compiled at first use, PostgreSQL's plans
/// and caches). Leaves node-1 with its users for the figures that follow.
/// </summary>
public static class GrantsFigure
{
    public const string Name = "2 grants";
    private const double TargetPerSecond = 500;

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        var grants = bench.Settings.UsersPerNode;
        world.Rss.Phase = "grants";
        var warmUp = Math.Max(50, grants / 20);
        Report.Progress($"{Name}: {warmUp} grants to warm silo-1 up (not timed)");
        await GrantLoad.RunAsync(world, [world.Silo.BaseAddress], warmUp, bench.Settings.GrantConcurrency);
        await world.Db.ResetStatementsAsync();
        Report.Progress($"{Name}: {grants} grants at {bench.Settings.GrantConcurrency} concurrent on silo-1 → {BenchWorld.RealNodeId} (real v2ray)");
        var window = world.StartWindow();
        var run = await GrantLoad.RunAsync(world, [world.Silo.BaseAddress], grants, bench.Settings.GrantConcurrency);
        window.Stop();

        var members = await world.Db.CountAsync("SELECT count(*) FROM node_members WHERE node_id = $1", BenchWorld.RealNodeId);
        var users = await bench.UsersOnNodeAsync(BenchWorld.RealNodeId);
        var sample = users.OrderBy(_ => Random.Shared.Next()).Take(50).ToList();
        var connected = await Bench.CountAsync(sample, 16, u => bench.FetchThroughRealNodeAsync(u.Uuid));
        var details = new List<string>
        {
            $"after {warmUp} grants to warm up, not timed: {run.Describe()}",
            $"server CPU (silo + PostgreSQL) {window.ServerCpuMsPer(grants):0.0} ms per grant → {window.IdleCoresCapacity(grants):0} grants/s if the {Machine.Cores} cores ran nothing else",
            $"node_members rows for {BenchWorld.RealNodeId}: {members} of {grants + warmUp}; {connected} of {sample.Count} sampled users fetched a page through v2ray over VLESS",
        };
        details.Add(await world.Db.StatementTotalsAsync(grants));
        details.AddRange(await world.Db.TopStatementsAsync());
        var met = run.Drained && run.Failures == 0 && members >= grants + warmUp && connected == sample.Count && run.SustainedRate >= TargetPerSecond;
        bench.Report.Add(new FigureResult(Name, $"{run.SustainedRate:0} grants/s sustained (API alone {run.ApiRate:0}/s)",
            $"≥ {TargetPerSecond:0} grants/s, each pushed to its node", met, window, details));
    }
}

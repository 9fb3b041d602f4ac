using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 2: grants through POST /admin/api/users on one silo, each placed on the real v2ray node (the only node) and
/// pushed to it; counted until the outbox is empty. Taken twice: the first grants of a freshly started silo (reported:
/// the runtime is still compiling its code at higher tiers, PostgreSQL's plans and caches are new), whose users are
/// then deleted again, and the same number on the silo now running (the verdict). Leaves node-1 with the users of
/// the second round for the figures that follow.
/// </summary>
public static class GrantsFigure
{
    public const string Name = "2 grants";
    private const double TargetPerSecond = 500;

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        var grants = bench.Settings.UsersPerNode;
        var concurrency = bench.Settings.GrantConcurrency;
        world.Rss.Phase = "grants";
        Report.Progress($"{Name}: {grants} grants on the freshly started silo-1 (its first), then their users deleted again");
        var freshWindow = world.StartWindow();
        var fresh = await GrantLoad.WarmUpAsync(world, world.Silo.BaseAddress, grants, concurrency);
        freshWindow.Stop();
        await world.Db.ResetStatementsAsync();
        Report.Progress($"{Name}: {grants} grants at {concurrency} concurrent on the running silo-1 → {BenchWorld.RealNodeId} (real v2ray)");
        var window = world.StartWindow();
        var run = await GrantLoad.RunAsync(world, [world.Silo.BaseAddress], grants, concurrency);
        window.Stop();

        var members = await world.Db.CountAsync("SELECT count(*) FROM node_members WHERE node_id = $1", BenchWorld.RealNodeId);
        var users = await bench.UsersOnNodeAsync(BenchWorld.RealNodeId);
        var sample = users.OrderBy(_ => Random.Shared.Next()).Take(50).ToList();
        var connected = await Bench.CountAsync(sample, 16, u => bench.FetchThroughRealNodeAsync(u.Uuid));
        var details = new List<string>
        {
            $"freshly started silo, its first grants: {fresh.Describe()}",
            $"freshly started silo (grants and deletes): {freshWindow.Describe()}",
            $"running silo: {run.Describe()}",
            $"server CPU (silo + PostgreSQL) {window.ServerCpuMsPer(grants):0.0} ms per grant → {window.IdleCoresCapacity(grants):0} grants/s if the {Machine.Cores} cores ran nothing else",
            $"node_members rows for {BenchWorld.RealNodeId}: {members} of {grants}; {connected} of {sample.Count} sampled users fetched a page through v2ray over VLESS",
        };
        details.Add(await world.Db.StatementTotalsAsync(grants));
        details.AddRange(await world.Db.TopStatementsAsync());
        details.AddRange(await world.Db.StatementsPerOperationAsync(grants));
        var met = run.Drained && run.Failures == 0 && fresh.Failures == 0 && members == grants && connected == sample.Count && run.SustainedRate >= TargetPerSecond;
        bench.Report.Add(new FigureResult(Name, $"{run.SustainedRate:0} grants/s sustained by the running silo (API alone {run.ApiRate:0}/s; its first {grants}: {fresh.SustainedRate:0}/s)",
            $"≥ {TargetPerSecond:0} grants/s, each pushed to its node", met, window, details));
    }
}

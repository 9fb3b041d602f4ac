using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 7: grant throughput (until pushed) with one silo, then with two silos on the same database, the grants
/// spread over both front ends, the same client concurrency; both rounds go to the same loopback node (node-2).
/// </summary>
public static class ScaleOutFigure
{
    public const string Name = "7 scale-out";
    private const double TargetRatio = 1.6;

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        var grants = bench.Settings.UsersPerNode / 2;
        if (!world.FakeNodes.ContainsKey("node-2"))
        {
            await world.RegisterFakeNodeAsync("node-2");
        }
        world.Rss.Phase = "scale-out";
        Report.Progress($"{Name}: {grants} grants on one silo");
        var oneWindow = world.StartWindow();
        var one = await GrantLoad.RunAsync(world, [world.Silo.BaseAddress], grants, bench.Settings.GrantConcurrency);
        oneWindow.Stop();

        Report.Progress($"{Name}: starting silo-2 on the same database; {grants} grants over both");
        var second = await world.StartExtraSiloAsync("silo-2");
        // A fresh process compiles its code at first use and again at higher tiers: bring silo-2 to a running silo's
        // state (as silo-1 is after figure 2) before measuring; its warm-up users are deleted again.
        await GrantLoad.WarmUpAsync(world, second.BaseAddress, grants, bench.Settings.GrantConcurrency);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var twoWindow = world.StartWindow();
        var two = await GrantLoad.RunAsync(world, [world.Silo.BaseAddress, second.BaseAddress], grants, bench.Settings.GrantConcurrency);
        twoWindow.Stop();
        await world.StopExtraSilosAsync();

        var ratio = two.SustainedRate / one.SustainedRate;
        var details = new List<string>
        {
            $"one silo: {one.Describe()}",
            $"one silo: {oneWindow.Describe()}",
            $"two silos: {two.Describe()}",
            $"two silos: {twoWindow.Describe()}",
            $"ratio of API-only rates: {two.ApiRate / one.ApiRate:0.00}×",
            $"server CPU (silos + PostgreSQL) per grant: one silo {oneWindow.ServerCpuMsPer(grants):0.0} ms, two silos {twoWindow.ServerCpuMsPer(grants):0.0} ms",
        };
        bench.Report.Add(new FigureResult(Name, $"{ratio:0.00}× one silo's grant throughput ({one.SustainedRate:0} → {two.SustainedRate:0} grants/s)",
            $"≥ {TargetRatio}× with two silos", two.Drained && one.Drained && ratio >= TargetRatio, twoWindow, details));
    }
}

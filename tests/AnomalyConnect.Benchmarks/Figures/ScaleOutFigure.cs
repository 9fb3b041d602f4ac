using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 7: grant throughput (until pushed) with one silo, then with two silos on the same database, the grants
/// spread over both front ends, the same client concurrency; every round goes to the same loopback node (node-2).
/// Taken twice: as the machine runs them (7: on two cores the silos, PostgreSQL and the load program share the same
/// cores, so a second silo has none to add), and with every silo held to the same share of a core by a cgroup (7b: the
/// silos are then what bounds the rate, as they are when each runs on a machine of its own and the database has room).
/// </summary>
public static class ScaleOutFigure
{
    public const string Name = "7 scale-out";
    public const string CappedName = "7b scale-out, silos capped";
    private const double TargetRatio = 1.6;

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        var grants = bench.Settings.UsersPerNode / 2;
        var share = bench.Settings.SiloCorePercent / 100.0;
        if (!world.FakeNodes.ContainsKey("node-2"))
        {
            await world.RegisterFakeNodeAsync("node-2");
        }
        world.Rss.Phase = "scale-out";
        if (!world.WarmedUp.Contains(world.Silo.BaseAddress))
        {
            Report.Progress($"{Name}: bringing silo-1 to a running silo's state first (figure 2 did not)");
            await GrantLoad.WarmUpAsync(world, world.Silo.BaseAddress, grants, bench.Settings.GrantConcurrency);
        }
        using var capOne = CpuCap.TryCreate("anomaly-bench-silo-1", share, out var whyNotCapped);
        using var capTwo = CpuCap.TryCreate("anomaly-bench-silo-2", share, out var whyNotCappedTwo);

        var one = await RoundAsync(bench, "one silo", [world.Silo], grants);
        (CpuCap One, CpuCap Two)? caps = capOne is not null && capTwo is not null ? (capOne, capTwo) : null;
        var oneCapped = caps is { } forOne
            ? await CappedRoundAsync(bench, $"one silo at {share:0%} of a core", [(world.Silo, forOne.One)], grants)
            : null;

        Report.Progress($"{Name}: starting silo-2 on the same database");
        var second = await world.StartExtraSiloAsync("silo-2");
        // A fresh process compiles its code at first use and again at higher tiers: bring silo-2 to a running silo's
        // state (as silo-1 is after figure 2) before measuring; its warm-up users are deleted again.
        await GrantLoad.WarmUpAsync(world, second.BaseAddress, grants, bench.Settings.GrantConcurrency);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var twoCapped = caps is { } forTwo
            ? await CappedRoundAsync(bench, $"two silos at {share:0%} of a core each", [(world.Silo, forTwo.One), (second, forTwo.Two)], grants)
            : null;
        var two = await RoundAsync(bench, "two silos", [world.Silo, second], grants);
        await world.StopExtraSilosAsync();

        bench.Report.Add(Result(Name, one, two, "the machine's cores shared by everything"));
        bench.Report.Add(oneCapped is not null && twoCapped is not null
            ? Result(CappedName, oneCapped, twoCapped, $"each silo held to {share:0%} of a core (cgroup CPU quota)")
            : new FigureResult(CappedName, $"not taken: {whyNotCapped ?? whyNotCappedTwo}", $"≥ {TargetRatio}× with two silos", null, null, []));
    }

    private static FigureResult Result(string name, Round one, Round two, string conditions)
    {
        var ratio = two.Run.SustainedRate / one.Run.SustainedRate;
        var details = new List<string>
        {
            $"conditions: {conditions}",
            $"{one.Label}: {one.Run.Describe()}",
            $"{one.Label}: {one.Window.Describe()}",
            $"{two.Label}: {two.Run.Describe()}",
            $"{two.Label}: {two.Window.Describe()}",
            $"ratio of API-only rates: {two.Run.ApiRate / one.Run.ApiRate:0.00}×",
            $"server CPU (silos + PostgreSQL) per grant: {one.Label} {one.Window.ServerCpuMsPer(one.Run.Grants):0.00} ms, {two.Label} {two.Window.ServerCpuMsPer(two.Run.Grants):0.00} ms",
            $"silos' CPU per grant: {one.Label} {SiloCpuMsPer(one):0.00} ms, {two.Label} {SiloCpuMsPer(two):0.00} ms",
        };
        details.AddRange(one.Statements);
        details.AddRange(two.Statements);
        return new FigureResult(name, $"{ratio:0.00}× one silo's grant throughput ({one.Run.SustainedRate:0} → {two.Run.SustainedRate:0} grants/s)",
            $"≥ {TargetRatio}× with two silos", two.Run.Drained && one.Run.Drained && ratio >= TargetRatio, two.Window, details);
    }

    private static double SiloCpuMsPer(Round round) => 1000.0 * round.Window.SilosCpuSeconds / Math.Max(1, round.Run.Grants);

    /// <summary>
    /// A round with each silo held in its cgroup. The users it made are deleted again once the silos run uncapped:
    /// node-2 then stays the least loaded node, which every round places on, and the figures that follow find the
    /// nodes as they were.
    /// </summary>
    private static async Task<Round> CappedRoundAsync(Bench bench, string label, IReadOnlyList<(HostProcess Silo, CpuCap Cap)> silos, int grants)
    {
        foreach (var (silo, cap) in silos)
        {
            cap.Hold(silo.Id);
        }
        var round = await RoundAsync(bench, label, [.. silos.Select(s => s.Silo)], grants, deleteAfter: true);
        foreach (var (silo, cap) in silos)
        {
            cap.Release(silo.Id);
        }
        await GrantLoad.DeleteAsync(bench.World, bench.World.Silo.BaseAddress, round.Created, bench.Settings.GrantConcurrency);
        return round;
    }

    /// <summary>One round of grants; with <paramref name="deleteAfter"/> it keeps the ids of the users it made.</summary>
    private static async Task<Round> RoundAsync(Bench bench, string label, IReadOnlyList<HostProcess> silos, int grants, bool deleteAfter = false)
    {
        var world = bench.World;
        Report.Progress($"{Name}: {grants} grants, {label}");
        await world.Db.ResetStatementsAsync();
        var window = world.StartWindow();
        var created = deleteAfter ? new string[grants] : null;
        var run = await GrantLoad.RunAsync(world, [.. silos.Select(s => s.BaseAddress)], grants, bench.Settings.GrantConcurrency, created);
        window.Stop();
        var statements = new List<string> { $"{label}: {await world.Db.StatementTotalsAsync(grants)}" };
        statements.AddRange((await world.Db.TopStatementsAsync(3)).Select(line => $"{label}: {line}"));
        return new Round(label, run, window, statements, created ?? []);
    }

    /// <summary>A round's grants and what they cost; <paramref name="Created"/> the users made, when they are to be deleted again.</summary>
    private sealed record Round(string Label, GrantRun Run, LoadWindow Window, IReadOnlyList<string> Statements, IReadOnlyList<string> Created);
}

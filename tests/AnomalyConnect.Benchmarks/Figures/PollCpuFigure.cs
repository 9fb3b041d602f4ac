using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 3b: every user on the nodes, every node polled every 15 s (the production interval); node-2 … are loopback
/// nodes whose counters grow at every poll, so each poll counts traffic for all of their users. The silo's CPU time
/// (utime + stime from /proc) over several rounds, as a share of the machine's cores.
/// </summary>
public static class PollCpuFigure
{
    public const string Name = "3b polling CPU";
    private const double TargetPercentOfCores = 50;

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        world.Rss.Phase = "polling";
        Report.Progress($"{Name}: letting one poll round pass, then measuring {bench.Settings.PollRounds} rounds of 15 s");
        await Task.Delay(TimeSpan.FromSeconds(16));
        await world.Db.ResetStatementsAsync();
        var queriesBefore = world.FakeNodes.Values.Sum(n => n.Queries);
        var countersBefore = await world.Db.CountAsync("SELECT coalesce(sum(download_bytes), 0) FROM user_traffic");
        var window = world.StartWindow();
        await Task.Delay(TimeSpan.FromSeconds(15 * bench.Settings.PollRounds));
        window.Stop();
        var polls = world.FakeNodes.Values.Sum(n => n.Queries) - queriesBefore;
        var counted = await world.Db.CountAsync("SELECT coalesce(sum(download_bytes), 0) FROM user_traffic") - countersBefore;
        var share = window.SilosCorePercent / Machine.Cores;
        var details = new List<string>
        {
            $"silo CPU {window.SilosCpuSeconds:0.0} s over {window.Elapsed.TotalSeconds:0.0} s = {window.SilosCorePercent:0}% of one core = {share:0.0}% of the {Machine.Cores} cores",
            $"PostgreSQL (on the same machine here, its own server in production) {window.PostgresCorePercent:0}% of one core",
            $"{polls} QueryStats polls of the {world.FakeNodes.Count} loopback nodes answered in the window (plus node-1, real v2ray); {counted / 1_048_576.0:0} MiB of downloads counted onto users",
        };
        details.AddRange(await world.Db.TopStatementsAsync());
        bench.Report.Add(new FigureResult(Name, $"{share:0.0}% of {Machine.Cores} cores (silo) for {bench.Settings.TotalUsers} users on {bench.Settings.Nodes} nodes",
            $"< {TargetPercentOfCores:0}% of the two cores", share < TargetPercentOfCores, window, details));
    }
}

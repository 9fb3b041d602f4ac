using AnomalyConnect.Benchmarks.Infrastructure;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>Figure 6: silo-1's resident memory (VmRSS, sampled every 100 ms) at its peak over the whole run.</summary>
public static class MemoryFigure
{
    public const string Name = "6 memory";
    private const double TargetMiB = 400;

    public static void Run(Bench bench)
    {
        var rss = bench.World.Rss;
        var now = rss.CurrentMiB;
        // The reading now counts too: a rise after the last sample is still part of the run.
        var peak = Math.Max(rss.PeakMiB, now);
        var details = new List<string>
        {
            $"peak over the run {rss.PeakMiB:0} MiB (during \"{rss.PeakPhase}\"); peak with every user loaded {rss.PeakSinceMarkMiB:0} MiB; now {now:0} MiB",
        };
        bench.Report.Add(new FigureResult(Name, $"{peak:0} MiB peak VmRSS of silo-1 ({bench.Settings.TotalUsers} users)",
            $"< {TargetMiB:0} MB resident", peak * 1.048576 < TargetMiB, null, details));
    }
}

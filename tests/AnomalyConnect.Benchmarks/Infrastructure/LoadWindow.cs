using System.Diagnostics;

namespace AnomalyConnect.Benchmarks.Infrastructure;

/// <summary>
/// A stretch of time a figure was measured over: the load average before and after, how busy the whole machine
/// was (all processes, ours and other people's), and how much CPU our silos, PostgreSQL and this program used.
/// </summary>
public sealed class LoadWindow
{
    private readonly Func<IReadOnlyList<int>> silos;
    private readonly Func<int> postgres;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly (long Busy, long Total) machineStart = Machine.CpuJiffies();
    private readonly double silosStart;
    private readonly double silosJitStart;
    private readonly double postgresStart;
    private readonly double selfStart = ProcessStats.CpuSeconds(Environment.ProcessId);

    public LoadWindow(Func<IReadOnlyList<int>> silos, Func<int> postgres)
    {
        this.silos = silos;
        this.postgres = postgres;
        LoadBefore = Machine.LoadAverage;
        var silosNow = silos();
        silosStart = ProcessStats.CpuSeconds(silosNow);
        silosJitStart = silosNow.Sum(ProcessStats.JitCpuSeconds);
        postgresStart = PostgresCpu();
    }

    public string LoadBefore { get; }

    public string LoadAfter { get; private set; } = "";

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Share of all cores busy over the window, every process of the machine counted.</summary>
    public double MachineBusyPercent { get; private set; }

    /// <summary>Percent of one core (100 = one core fully busy) used by each part.</summary>
    public double SilosCorePercent { get; private set; }

    public double PostgresCorePercent { get; private set; }

    /// <summary>Of <see cref="SilosCorePercent"/>, at least what the runtime spent compiling the silos' code again at a higher tier.</summary>
    public double SilosJitCorePercent { get; private set; }

    public double SelfCorePercent { get; private set; }

    public double SilosCpuSeconds { get; private set; }

    public double PostgresCpuSeconds { get; private set; }

    public double SelfCpuSeconds { get; private set; }

    /// <summary>CPU the server side (silos and PostgreSQL) spent per operation, in milliseconds: the cost on idle cores.</summary>
    public double ServerCpuMsPer(double operations) => 1000.0 * (SilosCpuSeconds + PostgresCpuSeconds) / Math.Max(1, operations);

    /// <summary>Operations per second the machine's cores could serve at that cost if nothing else ran on them.</summary>
    public double IdleCoresCapacity(double operations) => Machine.Cores * 1000.0 / Math.Max(0.001, ServerCpuMsPer(operations));

    public LoadWindow Stop()
    {
        Elapsed = clock.Elapsed;
        var (busy, total) = Machine.CpuJiffies();
        MachineBusyPercent = 100.0 * (busy - machineStart.Busy) / Math.Max(1, total - machineStart.Total);
        var seconds = Math.Max(0.001, Elapsed.TotalSeconds);
        var silosNow = silos();
        SilosCpuSeconds = ProcessStats.CpuSeconds(silosNow) - silosStart;
        SilosCorePercent = 100.0 * SilosCpuSeconds / seconds;
        SilosJitCorePercent = Math.Max(0, 100.0 * (silosNow.Sum(ProcessStats.JitCpuSeconds) - silosJitStart) / seconds);
        PostgresCpuSeconds = PostgresCpu() - postgresStart;
        PostgresCorePercent = 100.0 * PostgresCpuSeconds / seconds;
        SelfCpuSeconds = ProcessStats.CpuSeconds(Environment.ProcessId) - selfStart;
        SelfCorePercent = 100.0 * SelfCpuSeconds / seconds;
        LoadAfter = Machine.LoadAverage;
        return this;
    }

    /// <summary>One line for the report.</summary>
    public string Describe() =>
        $"load avg {LoadBefore} → {LoadAfter}; over {Elapsed.TotalSeconds:0.0} s the machine was {MachineBusyPercent:0}% busy "
        + $"(all {Machine.Cores} cores, every process); CPU in % of one core: silo(s) {SilosCorePercent:0} (compiling code at least {SilosJitCorePercent:0}), PostgreSQL {PostgresCorePercent:0}, "
        + $"load program {SelfCorePercent:0}, other processes (wrk included) {Math.Max(0, (MachineBusyPercent * Machine.Cores) - SilosCorePercent - PostgresCorePercent - SelfCorePercent):0}";

    private double PostgresCpu()
    {
        var pids = ProcessStats.PostgresProcesses(postgres());
        return pids.Count == 0 ? 0 : ProcessStats.CpuSecondsWithReapedChildren(pids[0]) + ProcessStats.CpuSeconds(pids.Skip(1));
    }
}

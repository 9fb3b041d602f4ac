using System.Globalization;

namespace AnomalyConnect.Benchmarks.Infrastructure;

/// <summary>What the figures ran on, read from /proc: cores, memory, CPU model, load average, whole-machine CPU use.</summary>
public static class Machine
{
    public static int Cores => Environment.ProcessorCount;

    public static string CpuModel =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    public static double MemoryGiB =>
        MemInfoKiB("MemTotal") / 1024.0 / 1024.0;

    /// <summary>The 1, 5 and 15 minute load averages as /proc/loadavg shows them.</summary>
    public static string LoadAverage => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static string Describe() =>
        $"{Cores} cores, {MemoryGiB:0.0} GiB, CPU \"{CpuModel}\", {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    /// <summary>Busy and total jiffies of all cores together (the first line of /proc/stat).</summary>
    public static (long Busy, long Total) CpuJiffies()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }

    private static long MemInfoKiB(string key) =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

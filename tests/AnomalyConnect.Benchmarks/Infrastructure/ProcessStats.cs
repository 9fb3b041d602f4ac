using System.Globalization;

namespace AnomalyConnect.Benchmarks.Infrastructure;

/// <summary>Per-process CPU time and resident memory from /proc (Linux clock ticks are 100 per second).</summary>
public static class ProcessStats
{
    private const double TicksPerSecond = 100.0;

    /// <summary>utime + stime of the process, in seconds; 0 when it is gone.</summary>
    public static double CpuSeconds(int pid) => CpuSecondsOf($"/proc/{pid}/stat");

    public static double CpuSeconds(IEnumerable<int> pids) => pids.Sum(CpuSeconds);

    /// <summary>
    /// utime + stime of the .NET runtime's tiered-compilation thread (<c>.NET Tiered Com</c>) of the process, in
    /// seconds: the share of a silo's CPU that went to compiling its code again at a higher tier, not to its work.
    /// </summary>
    public static double JitCpuSeconds(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{pid}/task")
                .Where(task => File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                .Sum(task => CpuSecondsOf(Path.Combine(task, "stat")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static double CpuSecondsOf(string statPath)
    {
        try
        {
            var stat = File.ReadAllText(statPath);
            // The command name may hold spaces: the fields that follow start after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>utime + stime + the CPU of children already reaped (cutime + cstime): a postmaster's exited backends count.</summary>
    public static double CpuSecondsWithReapedChildren(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>VmRSS in MiB, or 0 when the process is gone.</summary>
    public static double ResidentMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The PostgreSQL server on <paramref name="port"/> and its backends (children of its postmaster).</summary>
    public static IReadOnlyList<int> PostgresProcesses(int port)
    {
        var postmaster = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .FirstOrDefault(pid => IsPostmasterOn(pid, port));
        if (postmaster == 0)
        {
            return [];
        }
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster);
        return [postmaster, .. children];
    }

    private static bool IsPostmasterOn(int pid, int port)
    {
        try
        {
            var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return args.Length > 0 && args[0].EndsWith("/postgres", StringComparison.Ordinal)
                && args.Zip(args.Skip(1)).Any(p => p.First == "-p" && p.Second == port.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }
}

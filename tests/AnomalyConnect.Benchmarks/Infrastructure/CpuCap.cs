using System.Globalization;

namespace AnomalyConnect.Benchmarks.Infrastructure;

/// <summary>
/// Holds processes to a share of one core with a cgroup of the kernel's CPU controller (cgroup v1
/// <c>cpu.cfs_quota_us</c>, or v2 <c>cpu.max</c>), each process in a group of its own. Needs root, as the
/// benchmark's script runs; <see cref="TryCreate"/> says why not where the machine has no writable controller.
/// </summary>
public sealed class CpuCap : IDisposable
{
    private const int PeriodMicroseconds = 50_000;
    private const string V1Root = "/sys/fs/cgroup/cpu";
    private const string V2Root = "/sys/fs/cgroup";
    private readonly string directory;
    private readonly bool v2;

    private CpuCap(string directory, bool v2, double coreShare)
    {
        this.directory = directory;
        this.v2 = v2;
        CoreShare = coreShare;
        var quota = ((int)(PeriodMicroseconds * coreShare)).ToString(CultureInfo.InvariantCulture);
        if (v2)
        {
            File.WriteAllText(Path.Combine(directory, "cpu.max"), $"{quota} {PeriodMicroseconds}");
        }
        else
        {
            File.WriteAllText(Path.Combine(directory, "cpu.cfs_period_us"), PeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(Path.Combine(directory, "cpu.cfs_quota_us"), quota);
        }
    }

    /// <summary>The share of one core a process in this group may use (0.2 = a fifth of a core).</summary>
    public double CoreShare { get; }

    /// <summary>A new group named <paramref name="name"/> holding its processes to <paramref name="coreShare"/> of a core, or null and why not.</summary>
    public static CpuCap? TryCreate(string name, double coreShare, out string? whyNot)
    {
        whyNot = null;
        try
        {
            if (Directory.Exists(V1Root) && File.Exists(Path.Combine(V1Root, "cpu.cfs_quota_us")))
            {
                return new CpuCap(Directory.CreateDirectory(Path.Combine(V1Root, name)).FullName, v2: false, coreShare);
            }
            if (File.Exists(Path.Combine(V2Root, "cgroup.controllers"))
                && File.ReadAllText(Path.Combine(V2Root, "cgroup.subtree_control")).Split(' ', StringSplitOptions.TrimEntries).Contains("cpu"))
            {
                return new CpuCap(Directory.CreateDirectory(Path.Combine(V2Root, name)).FullName, v2: true, coreShare);
            }
            whyNot = "this machine has no cgroup CPU controller to write to";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            whyNot = $"the cgroup CPU controller refused ({exception.Message}); the benchmark needs root for it";
        }
        return null;
    }

    /// <summary>Moves a process, every thread of it, into the group.</summary>
    public void Hold(int processId) =>
        File.WriteAllText(Path.Combine(directory, "cgroup.procs"), processId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Moves a process back to the root group, uncapped.</summary>
    public void Release(int processId)
    {
        try
        {
            File.WriteAllText(Path.Combine(v2 ? V2Root : V1Root, "cgroup.procs"), processId.ToString(CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            // The process has exited; nothing is left to release.
        }
    }

    /// <summary>Releases whatever is left in the group and removes it.</summary>
    public void Dispose()
    {
        try
        {
            foreach (var line in File.ReadAllLines(Path.Combine(directory, "cgroup.procs")))
            {
                if (int.TryParse(line, CultureInfo.InvariantCulture, out var processId))
                {
                    Release(processId);
                }
            }
            Directory.Delete(directory);
        }
        catch (IOException)
        {
            // A group still busy (a process not yet moved out) is left for the kernel; it holds nothing once empty.
        }
    }
}

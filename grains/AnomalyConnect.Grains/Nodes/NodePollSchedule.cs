using System.Text;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>
/// When a node is polled: every poll interval, at a phase within it that comes from the node's id, so that nodes
/// registered together do not all poll (and count their users' traffic) in the same second. The phase is a stable
/// hash (FNV-1a), not <see cref="string.GetHashCode()"/>, which differs between processes.
/// </summary>
internal static class NodePollSchedule
{
    public static TimeSpan PhaseOf(string nodeId, TimeSpan interval)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(nodeId))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        // Whole milliseconds, so that the instants survive timestamptz's microseconds exactly and a tick firing at
        // its due instant is never taken for one just before it.
        return TimeSpan.FromMilliseconds((long)(hash % (ulong)Math.Max(1, (long)interval.TotalMilliseconds)));
    }

    /// <summary>The first instant after <paramref name="now"/> at the node's phase; a late tick does not shift the ones after it.</summary>
    public static DateTimeOffset NextAfter(string nodeId, DateTimeOffset now, TimeSpan interval)
    {
        var phase = PhaseOf(nodeId, interval).Ticks;
        var sincePhase = (now.UtcTicks - phase) % interval.Ticks;
        return new DateTimeOffset(now.UtcTicks - sincePhase + interval.Ticks, TimeSpan.Zero);
    }
}

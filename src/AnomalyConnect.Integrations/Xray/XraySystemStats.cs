namespace AnomalyConnect.Integrations.Xray;

/// <summary>The core's runtime figures from <c>GetSysStats</c>; a smaller uptime than last seen means the core restarted.</summary>
public sealed record XraySystemStats(
    uint UptimeSeconds,
    uint NumGoroutine,
    uint NumGC,
    ulong AllocBytes,
    ulong TotalAllocBytes,
    ulong SysBytes,
    ulong Mallocs,
    ulong Frees,
    ulong LiveObjects,
    ulong PauseTotalNs);

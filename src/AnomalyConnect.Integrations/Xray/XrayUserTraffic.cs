namespace AnomalyConnect.Integrations.Xray;

/// <summary>A user's cumulative byte counters since the core started (read without reset).</summary>
public sealed record XrayUserTraffic(long Uplink, long Downlink);

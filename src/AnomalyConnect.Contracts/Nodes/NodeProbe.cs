using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Contracts.Nodes;

/// <summary>
/// What one look at a node found: whether it answered, its core's uptime, and every user's traffic counters
/// as the node reports them (cumulative since the core started, never reset by us).
/// </summary>
public sealed record NodeProbe(
    DateTimeOffset ProbedAt,
    bool Answered,
    string? Error,
    long? CoreUptimeSeconds,
    IReadOnlyList<TrafficCounter> Counters);

/// <summary>One user's counters on one protocol of a node.</summary>
public sealed record TrafficCounter(NodeProtocol Protocol, string UserId, long Upload, long Download);

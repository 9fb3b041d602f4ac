namespace AnomalyConnect.Grains.Messages;

/// <summary>Probe the node now: health, core uptime, traffic counters.</summary>
public sealed record NodeTick(string NodeId, DateTimeOffset IssuedAt);

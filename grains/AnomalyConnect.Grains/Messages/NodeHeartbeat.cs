namespace AnomalyConnect.Grains.Messages;

/// <summary>Ask the node its core's uptime only (between two ticks), to notice a restart before the next full probe.</summary>
public sealed record NodeHeartbeat(string NodeId, DateTimeOffset IssuedAt);

namespace AnomalyConnect.Contracts.Bot;

/// <summary>
/// A process's hold on a running broadcast. The epoch grows with every takeover, so a process that lost the lease
/// can neither claim recipients nor overwrite outcomes.
/// </summary>
public sealed record BroadcastLease(long BroadcastId, string Owner, long Epoch, BroadcastView Broadcast);

namespace AnomalyConnect.Contracts.Admin;

/// <summary>
/// <see cref="OnlineUsers"/>: users with traffic counted in the last two poll intervals. <see cref="OverdueTimers"/>:
/// timers due more than a few seconds ago and not fired yet; <see cref="OldestOverdueSeconds"/>: how late the oldest is.
/// </summary>
public sealed record OperationsSnapshot(
    long OutboxPending,
    long OutboxDead,
    long OverdueTimers,
    double OldestOverdueSeconds,
    long OnlineUsers,
    long TrafficTodayBytes);

namespace AnomalyConnect.Contracts.Admin;

/// <summary>Figures for the admin overview and /metrics that no single grain owns.</summary>
public interface IAdminStatistics
{
    /// <summary>Outbox backlog, overdue timers, users online now and traffic today.</summary>
    Task<OperationsSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>A user's traffic per UTC day, oldest first, for the last <paramref name="days"/> days (days without traffic left out).</summary>
    Task<IReadOnlyList<DailyUsage>> DailyUsageAsync(string userId, int days, CancellationToken cancellationToken);

    /// <summary>A user's traffic per node since its last reset.</summary>
    Task<IReadOnlyList<NodeUsage>> UsageByNodeAsync(string userId, CancellationToken cancellationToken);
}

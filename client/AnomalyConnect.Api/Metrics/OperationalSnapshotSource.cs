using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// Reads the database-backed figures for /metrics, at most every few seconds however often Prometheus scrapes
/// (payments at most every minute: the payment directory has no counts, so they are counted page by page).
/// </summary>
public sealed partial class OperationalSnapshotSource(
    IServiceProvider services,
    IUserDirectory users,
    INodeDirectory nodes,
    IAdminStatistics statistics,
    TimeProvider clock,
    ILogger<OperationalSnapshotSource> logger)
{
    private const int PaymentPageSize = 500;
    private const int MaxPaymentPages = 200;
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PaymentsEvery = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private DateTimeOffset refreshedAt = DateTimeOffset.MinValue;
    private DateTimeOffset paymentsAt = DateTimeOffset.MinValue;

    public OperationalValues Current { get; private set; } = OperationalValues.Unknown;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (now - refreshedAt < RefreshEvery)
            {
                return;
            }
            try
            {
                var (payments, revenue) = now - paymentsAt < PaymentsEvery
                    ? (Current.PaymentsByStatus, Current.Revenue)
                    : await ReadPaymentsAsync(now, cancellationToken);
                Current = new OperationalValues(
                    true,
                    await users.CountByStatusAsync(cancellationToken),
                    await nodes.ListAsync(cancellationToken),
                    await statistics.ReadAsync(cancellationToken),
                    payments,
                    revenue);
                refreshedAt = now;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDatabaseFiguresFailed(logger, exception);
                Current = OperationalValues.Unknown;
                refreshedAt = DateTimeOffset.MinValue;
            }
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task<(IReadOnlyDictionary<PaymentStatus, long>?, RevenueReport?)> ReadPaymentsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        paymentsAt = now;
        if (services.GetService<IPaymentDirectory>() is not { } payments)
        {
            return (null, null);
        }
        try
        {
            var counts = new Dictionary<PaymentStatus, long>();
            foreach (var status in Enum.GetValues<PaymentStatus>())
            {
                long count = 0;
                for (var page = 1; page <= MaxPaymentPages; page++)
                {
                    var found = (await payments.ListAsync(null, status, page, PaymentPageSize, cancellationToken)).Count;
                    count += found;
                    if (found == 0)
                    {
                        break;
                    }
                }
                counts[status] = count;
            }
            return (counts, await payments.RevenueAsync(now, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPaymentFiguresFailed(logger, exception);
            return (null, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the database figures for /metrics; they are left out of this scrape")]
    private static partial void LogDatabaseFiguresFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read payment figures for /metrics; they are left out")]
    private static partial void LogPaymentFiguresFailed(ILogger logger, Exception exception);
}

namespace AnomalyConnect.Contracts.Payments;

/// <summary>Payments by provider id, lists, and revenue figures.</summary>
public interface IPaymentDirectory
{
    Task<string?> FindByProviderPaymentIdAsync(PaymentProvider provider, string providerPaymentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PaymentView>> ListAsync(string? userId, PaymentStatus? status, int page, int pageSize, CancellationToken cancellationToken);

    Task<RevenueReport> RevenueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Succeeded minus refunded, in roubles and Stars: today and this month (UTC), by tariff and by provider.</summary>
public sealed record RevenueReport(
    decimal TodayRub,
    decimal MonthRub,
    long TodayStars,
    long MonthStars,
    IReadOnlyDictionary<string, decimal> MonthRubByTariff,
    IReadOnlyDictionary<PaymentProvider, decimal> MonthByProvider);

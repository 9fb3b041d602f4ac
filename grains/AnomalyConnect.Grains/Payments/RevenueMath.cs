using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// Revenue in UTC days and months: money is counted when it came in and taken off when it went back, so a payment
/// refunded in a later month counts in its own month and is subtracted in the month of the refund.
/// </summary>
internal static class RevenueMath
{
    public static DateTimeOffset MonthStart(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static RevenueReport Report(IEnumerable<RevenueRow> rows, DateTimeOffset now)
    {
        var monthStart = MonthStart(now);
        var dayStart = new DateTimeOffset(now.ToUniversalTime().Date, TimeSpan.Zero);
        decimal todayRub = 0, monthRub = 0, todayStars = 0, monthStars = 0;
        var byTariff = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var byProvider = new Dictionary<PaymentProvider, decimal>();
        foreach (var row in rows)
        {
            var stars = row.Currency == PaymentPricing.Stars;
            var inMonth = (row.PaidAt >= monthStart ? row.Amount : 0) - (row.RefundedAt >= monthStart ? row.RefundedAmount : 0);
            var inDay = (row.PaidAt >= dayStart ? row.Amount : 0) - (row.RefundedAt >= dayStart ? row.RefundedAmount : 0);
            if (stars)
            {
                (todayStars, monthStars) = (todayStars + inDay, monthStars + inMonth);
            }
            else
            {
                (todayRub, monthRub) = (todayRub + inDay, monthRub + inMonth);
                byTariff[row.TariffId] = byTariff.GetValueOrDefault(row.TariffId) + inMonth;
            }
            byProvider[row.Provider] = byProvider.GetValueOrDefault(row.Provider) + inMonth;
        }
        return new RevenueReport(todayRub, monthRub, (long)todayStars, (long)monthStars, byTariff, byProvider);
    }
}

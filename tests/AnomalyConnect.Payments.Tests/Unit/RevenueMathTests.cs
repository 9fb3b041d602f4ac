using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Grains.Payments;

namespace AnomalyConnect.Payments.Tests.Unit;

public sealed class RevenueMathTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Report_CountsPaymentsWhenPaid_AndRefundsWhenRefunded()
    {
        var rows = new[]
        {
            Row(PaymentProvider.YooKassa, "month", "RUB", 199, Now.AddHours(-1)),
            Row(PaymentProvider.Telegram, "year", "RUB", 1000, Now.AddDays(-5)),
            Row(PaymentProvider.YooKassa, "month", "RUB", 199, Now.AddDays(-40), refunded: 199, refundedAt: Now.AddHours(-2)),
            Row(PaymentProvider.Stars, "month", "XTR", 100, Now.AddHours(-3)),
            Row(PaymentProvider.Stars, "month", "XTR", 100, Now.AddDays(-2), refunded: 100, refundedAt: Now.AddDays(-1)),
        };

        var report = RevenueMath.Report(rows, Now);

        Assert.Equal(199m - 199m, report.TodayRub);
        Assert.Equal(199m + 1000m - 199m, report.MonthRub);
        Assert.Equal(100, report.TodayStars);
        Assert.Equal(100, report.MonthStars);
        Assert.Equal(0m, report.MonthRubByTariff["month"]);
        Assert.Equal(1000m, report.MonthRubByTariff["year"]);
        Assert.Equal(0m, report.MonthByProvider[PaymentProvider.YooKassa]);
        Assert.Equal(100m, report.MonthByProvider[PaymentProvider.Stars]);
    }

    [Fact]
    public void MonthStart_IsTheFirstOfTheMonthInUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), RevenueMath.MonthStart(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.FromHours(3)).AddHours(1)));

    private static RevenueRow Row(PaymentProvider provider, string tariff, string currency, decimal amount, DateTimeOffset paidAt, decimal refunded = 0, DateTimeOffset? refundedAt = null) =>
        new(provider, tariff, currency, amount, refunded, paidAt, refundedAt);
}

using System.Text.Json;
using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>
/// GET /admin/api/revenue: paid minus refunded, today and this month (UTC); roubles by tariff; by provider in the
/// provider's own currency (Stars for stars, roubles for the others).
/// </summary>
public sealed record RevenueResponse(
    decimal TodayRub,
    decimal MonthRub,
    long TodayStars,
    long MonthStars,
    IReadOnlyDictionary<string, decimal> MonthRubByTariff,
    IReadOnlyDictionary<string, decimal> MonthByProvider,
    DateTimeOffset At)
{
    public static RevenueResponse Of(RevenueReport report, DateTimeOffset at) => new(
        report.TodayRub,
        report.MonthRub,
        report.TodayStars,
        report.MonthStars,
        report.MonthRubByTariff,
        report.MonthByProvider.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key.ToString()), p => p.Value),
        at);
}

using AnomalyConnect.Contracts.Catalog;

namespace AnomalyConnect.Payments.Tests.Unit;

internal static class Samples
{
    public static Tariff Tariff(decimal priceRub = 200m, int priceStars = 100, int days = 30) =>
        new("month", "Month", days, TrafficLimitBytes: 100L * 1024 * 1024 * 1024, DeviceLimit: 3, priceRub, priceStars, Archived: false);

    public static PromoCode Promo(PromoKind kind, decimal value = 0, int days = 0, int? maxUses = null, IReadOnlyList<string>? tariffIds = null) =>
        new("SPRING", kind, value, days, maxUses, Uses: 0, OncePerUser: true, ValidFrom: null, ValidUntil: null, tariffIds ?? [], Archived: false);
}

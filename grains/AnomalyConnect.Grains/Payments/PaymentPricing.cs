using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Grains.Payments;

/// <summary>What a tariff costs through a provider, and what a promo code makes of that price.</summary>
internal static class PaymentPricing
{
    public const string Rub = "RUB";
    public const string Stars = "XTR";

    public static string CurrencyOf(PaymentProvider provider) => provider == PaymentProvider.Stars ? Stars : Rub;

    /// <summary>The tariff's own price; an error sentence when it is not sold that way.</summary>
    public static (PaymentQuote? Quote, string? Error) ListPrice(Tariff tariff, PaymentProvider provider)
    {
        if (tariff.Archived)
        {
            return (null, $"The tariff '{tariff.TariffId}' is no longer sold.");
        }
        if (provider == PaymentProvider.Stars && tariff.PriceStars <= 0)
        {
            return (null, $"The tariff '{tariff.TariffId}' is not sold for Stars.");
        }
        var amount = provider == PaymentProvider.Stars ? tariff.PriceStars : tariff.PriceRub;
        return (new PaymentQuote(amount, CurrencyOf(provider), tariff.Days, tariff.TrafficLimitBytes, tariff.DeviceLimit), null);
    }

    /// <summary>
    /// The price after a promo code. Percent codes take their share off either currency; a fixed rouble discount takes
    /// the same share off a Stars price as off the rouble price; bonus days add days. Roubles round to kopecks and
    /// Stars to whole Stars, never below zero; zero means the purchase is free.
    /// </summary>
    public static (PaymentQuote? Quote, string? Error) WithPromo(PaymentQuote list, decimal listPriceRub, PromoCode promo)
    {
        var stars = list.Currency == Stars;
        switch (promo.Kind)
        {
            case PromoKind.PercentDiscount:
                return (list with { Amount = Round(list.Amount * (100 - promo.Value) / 100, stars) }, null);
            case PromoKind.FixedDiscount when stars:
                var share = listPriceRub <= 0 ? 0 : Math.Max(0, listPriceRub - promo.Value) / listPriceRub;
                return (list with { Amount = Round(list.Amount * share, stars) }, null);
            case PromoKind.FixedDiscount:
                return (list with { Amount = Math.Max(0, list.Amount - promo.Value) }, null);
            case PromoKind.BonusDays:
                return (list with { Days = list.Days + promo.Days }, null);
            default:
                return (null, "This promo code does not apply to this purchase.");
        }
    }

    private static decimal Round(decimal amount, bool stars) =>
        Math.Max(0, decimal.Round(amount, stars ? 0 : 2, MidpointRounding.AwayFromZero));
}

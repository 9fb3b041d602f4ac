using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Grains.Payments;

namespace AnomalyConnect.Payments.Tests.Unit;

public sealed class PaymentPricingTests
{
    [Theory]
    [InlineData(PaymentProvider.YooKassa, 200, "RUB")]
    [InlineData(PaymentProvider.Telegram, 200, "RUB")]
    [InlineData(PaymentProvider.Stars, 100, "XTR")]
    public void ListPrice_ForEachProvider_IsTheTariffPriceInItsCurrency(PaymentProvider provider, int amount, string currency)
    {
        var (quote, error) = PaymentPricing.ListPrice(Samples.Tariff(), provider);

        Assert.Null(error);
        Assert.Equal(amount, quote!.Amount);
        Assert.Equal(currency, quote.Currency);
        Assert.Equal(30, quote.Days);
        Assert.Equal(3, quote.DeviceLimit);
        Assert.Equal(100L * 1024 * 1024 * 1024, quote.TrafficLimitBytes);
    }

    [Fact]
    public void ListPrice_ForStarsWhenTheTariffHasNoStarsPrice_IsRefusedWithASentence()
    {
        var (quote, error) = PaymentPricing.ListPrice(Samples.Tariff(priceStars: 0), PaymentProvider.Stars);

        Assert.Null(quote);
        Assert.Equal("The tariff 'month' is not sold for Stars.", error);
    }

    [Fact]
    public void ListPrice_OfAnArchivedTariff_IsRefused()
    {
        var (quote, error) = PaymentPricing.ListPrice(Samples.Tariff() with { Archived = true }, PaymentProvider.YooKassa);

        Assert.Null(quote);
        Assert.Contains("no longer sold", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, 199.99, 149.99)]
    [InlineData(33, 100, 67)]
    [InlineData(15, 99.90, 84.92)] // 84.915 rounds half away from zero
    [InlineData(100, 199, 0)]
    public void WithPromo_PercentDiscountInRoubles_RoundsToKopecks(decimal percent, decimal price, decimal expected)
    {
        var list = PaymentPricing.ListPrice(Samples.Tariff(priceRub: price), PaymentProvider.YooKassa).Quote!;

        var (quote, _) = PaymentPricing.WithPromo(list, price, Samples.Promo(PromoKind.PercentDiscount, percent));

        Assert.Equal(expected, quote!.Amount);
        Assert.Equal(30, quote.Days);
    }

    [Theory]
    [InlineData(25, 100, 75)]
    [InlineData(10, 55, 50)] // 49.5 rounds up to whole Stars
    [InlineData(100, 100, 0)]
    public void WithPromo_PercentDiscountInStars_RoundsToWholeStars(decimal percent, int stars, decimal expected)
    {
        var list = PaymentPricing.ListPrice(Samples.Tariff(priceStars: stars), PaymentProvider.Stars).Quote!;

        var (quote, _) = PaymentPricing.WithPromo(list, 200, Samples.Promo(PromoKind.PercentDiscount, percent));

        Assert.Equal(expected, quote!.Amount);
        Assert.Equal("XTR", quote.Currency);
    }

    [Theory]
    [InlineData(50, 150)]
    [InlineData(199.99, 0.01)]
    [InlineData(500, 0)]
    public void WithPromo_FixedDiscountInRoubles_TakesItOffAndNeverGoesBelowZero(decimal discount, decimal expected)
    {
        var list = PaymentPricing.ListPrice(Samples.Tariff(priceRub: 200), PaymentProvider.YooKassa).Quote!;

        var (quote, _) = PaymentPricing.WithPromo(list, 200, Samples.Promo(PromoKind.FixedDiscount, discount));

        Assert.Equal(expected, quote!.Amount);
    }

    [Fact]
    public void WithPromo_FixedRoubleDiscountOnStars_TakesTheSameShareOffTheStarsPrice()
    {
        var list = PaymentPricing.ListPrice(Samples.Tariff(priceRub: 200, priceStars: 100), PaymentProvider.Stars).Quote!;

        var (quote, _) = PaymentPricing.WithPromo(list, 200, Samples.Promo(PromoKind.FixedDiscount, 50));

        Assert.Equal(75, quote!.Amount);
    }

    [Fact]
    public void WithPromo_BonusDays_AddsDaysAndKeepsThePrice()
    {
        var list = PaymentPricing.ListPrice(Samples.Tariff(), PaymentProvider.YooKassa).Quote!;

        var (quote, _) = PaymentPricing.WithPromo(list, 200, Samples.Promo(PromoKind.BonusDays, days: 7));

        Assert.Equal(200, quote!.Amount);
        Assert.Equal(37, quote.Days);
    }

    [Fact]
    public void WithPromo_FreeTrialOnAPurchase_IsRefused()
    {
        var list = PaymentPricing.ListPrice(Samples.Tariff(), PaymentProvider.YooKassa).Quote!;

        var (quote, error) = PaymentPricing.WithPromo(list, 200, Samples.Promo(PromoKind.FreeTrial, days: 7));

        Assert.Null(quote);
        Assert.NotNull(error);
    }
}

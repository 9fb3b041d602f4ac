using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Grains.Catalog;

namespace AnomalyConnect.Payments.Tests.Unit;

public sealed class CatalogRulesTests
{
    [Fact]
    public void Validate_AGoodTariff_HasNoProblem() => Assert.Null(CatalogRules.Validate(Samples.Tariff()));

    public static TheoryData<Tariff, string> BadTariffs => new()
    {
        { Samples.Tariff() with { TariffId = "bad id" }, "tariff_id" },
        { Samples.Tariff() with { Title = " " }, "title is required" },
        { Samples.Tariff() with { Title = new string('x', 65) }, "title may be at most 64" },
        { Samples.Tariff(days: 0), "days must be between 1 and 3650" },
        { Samples.Tariff(days: 4000), "days must be between 1 and 3650" },
        { Samples.Tariff() with { TrafficLimitBytes = 0 }, "traffic_limit" },
        { Samples.Tariff() with { DeviceLimit = 0 }, "device_limit" },
        { Samples.Tariff(priceRub: 0), "price_rub must be above 0" },
        { Samples.Tariff(priceRub: 10.005m), "at most two decimals" },
        { Samples.Tariff(priceStars: -1), "price_stars" },
    };

    [Theory]
    [MemberData(nameof(BadTariffs))]
    public void Validate_ABadTariff_SaysWhatIsWrongInASentence(Tariff tariff, string expected)
    {
        var problem = CatalogRules.Validate(tariff);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.EndsWith(".", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PromoKind.PercentDiscount, 10, 0)]
    [InlineData(PromoKind.PercentDiscount, 100, 0)]
    [InlineData(PromoKind.FixedDiscount, 49.99, 0)]
    [InlineData(PromoKind.BonusDays, 0, 7)]
    [InlineData(PromoKind.FreeTrial, 0, 3)]
    public void Validate_AGoodPromoCode_HasNoProblem(PromoKind kind, decimal value, int days) =>
        Assert.Null(CatalogRules.Validate(Samples.Promo(kind, value, days)));

    public static TheoryData<PromoCode, string> BadPromoCodes => new()
    {
        { Samples.Promo(PromoKind.PercentDiscount, 10) with { Code = "AB" }, "code must be 3 to 32" },
        { Samples.Promo(PromoKind.PercentDiscount, 10) with { Code = "NO SPACES" }, "code must be 3 to 32" },
        { Samples.Promo(PromoKind.PercentDiscount, 0), "percent discount's value" },
        { Samples.Promo(PromoKind.PercentDiscount, 101), "percent discount's value" },
        { Samples.Promo(PromoKind.FixedDiscount, -5), "fixed discount's value" },
        { Samples.Promo(PromoKind.FixedDiscount, 1.001m), "two decimals" },
        { Samples.Promo(PromoKind.PercentDiscount, 10, days: 5), "days go only with" },
        { Samples.Promo(PromoKind.BonusDays, 10, days: 5), "value goes only with" },
        { Samples.Promo(PromoKind.BonusDays), "days must be between 1 and 3650" },
        { Samples.Promo(PromoKind.FreeTrial, days: 3, tariffIds: ["month"]), "free_trial code is used on its own" },
        { Samples.Promo(PromoKind.PercentDiscount, 10, maxUses: 0), "max_uses must be at least 1" },
        { Samples.Promo(PromoKind.PercentDiscount, 10) with { ValidFrom = DateTimeOffset.UnixEpoch.AddDays(2), ValidUntil = DateTimeOffset.UnixEpoch.AddDays(1) }, "valid_until must be later" },
        { Samples.Promo(PromoKind.PercentDiscount, 10, tariffIds: ["bad id"]), "tariff_ids holds 'bad id'" },
        { Samples.Promo((PromoKind)42, 10), "kind must be" },
    };

    [Theory]
    [MemberData(nameof(BadPromoCodes))]
    public void Validate_ABadPromoCode_SaysWhatIsWrongInASentence(PromoCode promo, string expected)
    {
        var problem = CatalogRules.Validate(promo);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.EndsWith(".", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" spring-25 ", "SPRING-25")]
    [InlineData("Bonus_7", "BONUS_7")]
    public void Normalize_TrimsAndUpperCases(string typed, string key) => Assert.Equal(key, PromoCodes.Normalize(typed));
}

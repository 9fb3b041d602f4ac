using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Grains.Catalog;

namespace AnomalyConnect.Payments.Tests.Unit;

public sealed class PromoRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_DiscountForAnyTariff_Applies() =>
        Assert.Null(PromoRules.Check(State(PromoKind.PercentDiscount), Now, "month"));

    [Fact]
    public void Check_DiscountRestrictedToOtherTariffs_IsNotForThisTariff() =>
        Assert.Equal(PromoRedemptionOutcome.NotForThisTariff, PromoRules.Check(State(PromoKind.PercentDiscount, tariffIds: ["year"]), Now, "month"));

    [Fact]
    public void Check_DiscountWithoutAPurchase_IsNotForThisTariff() =>
        Assert.Equal(PromoRedemptionOutcome.NotForThisTariff, PromoRules.Check(State(PromoKind.FixedDiscount), Now, tariffId: null));

    [Theory]
    [InlineData(PromoKind.BonusDays)]
    [InlineData(PromoKind.FreeTrial)]
    public void Check_BonusAndTrialOnTheirOwn_Apply(PromoKind kind) =>
        Assert.Null(PromoRules.Check(State(kind), Now, tariffId: null));

    [Fact]
    public void Check_FreeTrialOnAPurchase_IsNotForThisTariff() =>
        Assert.Equal(PromoRedemptionOutcome.NotForThisTariff, PromoRules.Check(State(PromoKind.FreeTrial), Now, "month"));

    [Fact]
    public void Check_BeforeValidFrom_IsExpired()
    {
        var state = State(PromoKind.PercentDiscount);
        state.ValidFrom = Now.AddMinutes(1);

        Assert.Equal(PromoRedemptionOutcome.Expired, PromoRules.Check(state, Now, "month"));
    }

    [Fact]
    public void Check_AfterValidUntil_IsExpired_AndAtValidUntil_StillApplies()
    {
        var state = State(PromoKind.PercentDiscount);
        state.ValidUntil = Now;

        Assert.Null(PromoRules.Check(state, Now, "month"));
        Assert.Equal(PromoRedemptionOutcome.Expired, PromoRules.Check(state, Now.AddTicks(1), "month"));
    }

    [Fact]
    public void Check_Archived_IsNotFound()
    {
        var state = State(PromoKind.PercentDiscount);
        state.Archived = true;

        Assert.Equal(PromoRedemptionOutcome.NotFound, PromoRules.Check(state, Now, "month"));
    }

    [Theory]
    [InlineData(null, 1000, true)]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, false)]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, false)]
    public void HasUsesLeft_ComparesUsesWithTheLimit(int? maxUses, int uses, bool expected)
    {
        var state = State(PromoKind.PercentDiscount);
        (state.MaxUses, state.Uses) = (maxUses, uses);

        Assert.Equal(expected, PromoRules.HasUsesLeft(state));
    }

    [Fact]
    public void Sentence_ForEveryRefusal_IsAPlainSentence()
    {
        foreach (var outcome in Enum.GetValues<PromoRedemptionOutcome>())
        {
            Assert.EndsWith(".", PromoRules.Sentence(outcome), StringComparison.Ordinal);
        }
    }

    private static PromoCodeState State(PromoKind kind, List<string>? tariffIds = null) => new()
    {
        Kind = kind,
        Value = kind is PromoKind.PercentDiscount or PromoKind.FixedDiscount ? 10 : 0,
        Days = kind is PromoKind.BonusDays or PromoKind.FreeTrial ? 7 : 0,
        TariffIds = tariffIds ?? [],
    };
}

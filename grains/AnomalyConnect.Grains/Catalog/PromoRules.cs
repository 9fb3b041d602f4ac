using AnomalyConnect.Contracts.Catalog;

namespace AnomalyConnect.Grains.Catalog;

/// <summary>Whether a promo code may be taken now, for what; the counts that need the database are checked by the grain.</summary>
internal static class PromoRules
{
    /// <summary>Null when the code applies now to this purchase (a tariff) or to a standalone use (no tariff).</summary>
    public static PromoRedemptionOutcome? Check(PromoCodeState state, DateTimeOffset now, string? tariffId)
    {
        if (state.Archived)
        {
            return PromoRedemptionOutcome.NotFound;
        }
        if ((state.ValidFrom is { } from && now < from) || (state.ValidUntil is { } until && now > until))
        {
            return PromoRedemptionOutcome.Expired;
        }
        if (tariffId is null)
        {
            return IsStandalone(state.Kind) ? null : PromoRedemptionOutcome.NotForThisTariff;
        }
        if (state.Kind == PromoKind.FreeTrial)
        {
            return PromoRedemptionOutcome.NotForThisTariff;
        }
        return state.TariffIds.Count == 0 || state.TariffIds.Contains(tariffId, StringComparer.Ordinal)
            ? null
            : PromoRedemptionOutcome.NotForThisTariff;
    }

    public static bool HasUsesLeft(PromoCodeState state) => state.MaxUses is not { } max || state.Uses < max;

    /// <summary>Codes used on their own, without a purchase: their days are granted directly.</summary>
    public static bool IsStandalone(PromoKind kind) => kind is PromoKind.BonusDays or PromoKind.FreeTrial;

    /// <summary>What to tell the person who typed the code.</summary>
    public static string Sentence(PromoRedemptionOutcome outcome) => outcome switch
    {
        PromoRedemptionOutcome.NotFound => "There is no such promo code.",
        PromoRedemptionOutcome.Expired => "This promo code is not valid now.",
        PromoRedemptionOutcome.UsedUp => "This promo code has been used up.",
        PromoRedemptionOutcome.AlreadyUsedByUser => "You have already used this promo code.",
        PromoRedemptionOutcome.NotForThisTariff => "This promo code does not apply to this purchase.",
        _ => "The promo code was accepted.",
    };
}

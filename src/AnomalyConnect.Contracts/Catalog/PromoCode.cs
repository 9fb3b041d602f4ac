namespace AnomalyConnect.Contracts.Catalog;

public enum PromoKind
{
    PercentDiscount,
    FixedDiscount,
    BonusDays,
    FreeTrial,
}

/// <summary>
/// A promo code: a discount (percent or fixed roubles) on a purchase, bonus days, or a free trial of
/// <see cref="Days"/>; with a use limit, once per user, a validity window and optional tariff restriction.
/// </summary>
public sealed record PromoCode(
    string Code,
    PromoKind Kind,
    decimal Value,
    int Days,
    int? MaxUses,
    int Uses,
    bool OncePerUser,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<string> TariffIds,
    bool Archived);

using AnomalyConnect.Contracts.Catalog;

namespace AnomalyConnect.Grains.Catalog;

/// <summary>
/// The promo code grain's state: its definition and how many uses are taken. Who took them lives beside it in
/// <c>promo_redemptions</c>, written in the same turns.
/// </summary>
internal sealed class PromoCodeState
{
    public PromoKind Kind { get; set; }

    public decimal Value { get; set; }

    public int Days { get; set; }

    public int? MaxUses { get; set; }

    public int Uses { get; set; }

    public bool OncePerUser { get; set; }

    public DateTimeOffset? ValidFrom { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }

    public List<string> TariffIds { get; set; } = [];

    public bool Archived { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public PromoCode ToPromoCode(string code) => new(
        code, Kind, Value, Days, MaxUses, Uses, OncePerUser, ValidFrom, ValidUntil, [.. TariffIds], Archived);
}

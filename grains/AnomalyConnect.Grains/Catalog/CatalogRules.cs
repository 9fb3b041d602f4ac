using AnomalyConnect.Contracts.Catalog;

namespace AnomalyConnect.Grains.Catalog;

/// <summary>What a tariff and a promo code must look like; each problem is one sentence an admin can act on.</summary>
internal static class CatalogRules
{
    public const int MaxDays = 3650;
    public const decimal MaxPriceRub = 1_000_000m;
    public const int MaxPriceStars = 1_000_000;
    public const int MaxTitleLength = 64;
    public const int MaxDeviceLimit = 1000;

    public static string? Validate(Tariff tariff) => tariff switch
    {
        _ when !IsWellFormedId(tariff.TariffId) => "tariff_id may hold letters, digits, '-', '_' and '.', up to 64 characters.",
        _ when string.IsNullOrWhiteSpace(tariff.Title) => "title is required.",
        _ when tariff.Title.Trim().Length > MaxTitleLength => $"title may be at most {MaxTitleLength} characters.",
        { Days: < 1 or > MaxDays } => $"days must be between 1 and {MaxDays}.",
        { TrafficLimitBytes: <= 0 } => "traffic_limit must be above zero, or absent for unlimited traffic.",
        { DeviceLimit: < 1 or > MaxDeviceLimit } => $"device_limit must be between 1 and {MaxDeviceLimit}, or absent for no limit.",
        _ when tariff.PriceRub <= 0 || tariff.PriceRub > MaxPriceRub => $"price_rub must be above 0 and at most {MaxPriceRub:0}.",
        _ when decimal.Round(tariff.PriceRub, 2) != tariff.PriceRub => "price_rub may have at most two decimals (kopecks).",
        { PriceStars: < 0 or > MaxPriceStars } => $"price_stars must be between 0 (not sold for Stars) and {MaxPriceStars}.",
        _ => null,
    };

    public static string? Validate(PromoCode promo) => promo switch
    {
        _ when !PromoCodes.IsWellFormed(promo.Code) => $"code must be 3 to {PromoCodes.MaxLength} letters, digits, '-' or '_'.",
        { Kind: PromoKind.PercentDiscount, Value: <= 0 or > 100 } => "A percent discount's value must be above 0 and at most 100.",
        { Kind: PromoKind.FixedDiscount, Value: <= 0 or > MaxPriceRub } => $"A fixed discount's value must be above 0 and at most {MaxPriceRub:0} roubles.",
        { Kind: PromoKind.FixedDiscount } when decimal.Round(promo.Value, 2) != promo.Value => "A fixed discount may have at most two decimals (kopecks).",
        { Kind: PromoKind.PercentDiscount or PromoKind.FixedDiscount, Days: not 0 } => "days go only with bonus_days and free_trial codes; leave it 0 for a discount.",
        { Kind: PromoKind.BonusDays or PromoKind.FreeTrial, Value: not 0 } => "value goes only with discount codes; leave it 0 for bonus_days and free_trial.",
        { Kind: PromoKind.BonusDays or PromoKind.FreeTrial, Days: < 1 or > MaxDays } => $"days must be between 1 and {MaxDays}.",
        { Kind: PromoKind.FreeTrial } when promo.TariffIds.Count > 0 => "A free_trial code is used on its own; it cannot be restricted to tariffs.",
        { MaxUses: < 1 } => "max_uses must be at least 1, or absent for no limit.",
        { ValidFrom: { } from, ValidUntil: { } until } when until <= from => "valid_until must be later than valid_from.",
        _ when promo.TariffIds.FirstOrDefault(id => !IsWellFormedId(id)) is { } bad => $"tariff_ids holds '{bad}', which is not a tariff id.",
        _ when !Enum.IsDefined(promo.Kind) => "kind must be percent_discount, fixed_discount, bonus_days or free_trial.",
        _ => null,
    };

    public static bool IsWellFormedId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

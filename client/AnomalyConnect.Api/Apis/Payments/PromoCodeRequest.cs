using AnomalyConnect.Contracts.Catalog;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>
/// POST /admin/api/promo-codes and PUT /admin/api/promo-codes/{code}: the whole code. value is a percent or roubles for
/// discounts; days are bonus or trial days; no max_uses means no limit; once_per_user defaults to true; no tariff_ids
/// means every tariff; archived absent keeps it as it is. The uses already taken are never set from outside.
/// </summary>
public sealed record PromoCodeRequest(
    string? Code,
    PromoKind? Kind,
    decimal? Value,
    int? Days,
    int? MaxUses,
    bool? OncePerUser,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<string>? TariffIds,
    bool? Archived);

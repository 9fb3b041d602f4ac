namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>
/// POST /admin/api/tariffs and PUT /admin/api/tariffs/{id}: the whole tariff. Traffic in bytes or in GB (GiB); no traffic
/// or device limit means unlimited; price_stars 0 means not sold for Stars; archived absent keeps it as it is.
/// </summary>
public sealed record TariffRequest(
    string? TariffId,
    string? Title,
    int? Days,
    long? TrafficLimitBytes,
    double? TrafficLimitGb,
    int? DeviceLimit,
    decimal? PriceRub,
    int? PriceStars,
    int? SortOrder,
    bool? Archived);

namespace AnomalyConnect.Contracts.Catalog;

/// <summary>What a user can buy: a term, optional traffic and device limits, prices in roubles and in Stars.</summary>
public sealed record Tariff(
    string TariffId,
    string Title,
    int Days,
    long? TrafficLimitBytes,
    int? DeviceLimit,
    decimal PriceRub,
    int PriceStars,
    bool Archived,
    int SortOrder = 0);

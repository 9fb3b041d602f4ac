namespace AnomalyConnect.Grains.Catalog;

/// <summary>The tariff grain's state: what the admin last saved.</summary>
internal sealed class TariffState
{
    public required string Title { get; set; }

    public int Days { get; set; }

    public long? TrafficLimitBytes { get; set; }

    public int? DeviceLimit { get; set; }

    public decimal PriceRub { get; set; }

    public int PriceStars { get; set; }

    public bool Archived { get; set; }

    public int SortOrder { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

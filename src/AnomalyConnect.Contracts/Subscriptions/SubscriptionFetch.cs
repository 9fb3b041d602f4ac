namespace AnomalyConnect.Contracts.Subscriptions;

/// <summary>One recorded subscription fetch.</summary>
public sealed record SubscriptionFetch(
    DateTimeOffset FetchedAt,
    string? UserAgent,
    string? Hwid,
    string? Address,
    DeviceDecision Decision);

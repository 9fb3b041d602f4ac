namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>Everything a subscription shows, in whatever format it is served.</summary>
public sealed record SubscriptionDocument
{
    public required string ProfileTitle { get; init; }

    /// <summary>Best first: the order apps list them and the order of the selector.</summary>
    public IReadOnlyList<SubscriptionProxy> Proxies { get; init; } = [];

    public SubscriptionUsage Usage { get; init; } = SubscriptionUsage.Unlimited;

    public string? SupportUrl { get; init; }

    /// <summary>The <c>/sub/{token}</c> address itself, for the page's QR code and copy button.</summary>
    public string? SubscriptionUrl { get; init; }

    public int UpdateIntervalHours { get; init; } = 12;

    /// <summary>
    /// Set when the user may not connect (expired, disabled, over the traffic or device limit): every format then
    /// stays valid but carries no working proxy, only a placeholder named with this sentence so that apps show it.
    /// </summary>
    public string? StatusNote { get; init; }
}

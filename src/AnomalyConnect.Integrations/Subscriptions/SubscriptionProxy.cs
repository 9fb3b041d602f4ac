using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>
/// One usable endpoint of a user on one node. <see cref="DisplayName"/> is what every format shows;
/// it replaces the link's own name when rendered.
/// </summary>
public sealed record SubscriptionProxy(string NodeId, string DisplayName, string Group, ShareLink Link)
{
    public ProxyProtocol Protocol => Link.Protocol;
}

using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>What the subscription handlers share: the settings, the node list cache, and the way from a token to a user.</summary>
public sealed class SubscriptionEndpoint(
    SubscriptionSettings settings, ISubscriptionUsers users, IGrainFactory grains, INodeDirectory nodeDirectory,
    TimeProvider clock, IOptions<FrontEndOptions> frontEnd)
{
    public SubscriptionSettings Settings => settings;

    public NodeListCache Nodes { get; } = new(nodeDirectory, clock);

    public IGrainFactory Grains => grains;

    public TimeProvider Clock => clock;

    public string UrlOf(string token) => SubscriptionUrls.For(frontEnd.Value.AppUrl, token);

    /// <summary>The token's user, usually from memory (<see cref="ISubscriptionUsers"/>). Null for an unknown or revoked token.</summary>
    public ValueTask<UserView?> FindUserAsync(string token, CancellationToken cancellationToken) => users.FindAsync(token, cancellationToken);
}

using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>What the subscription handlers share: the settings, the node list cache, and the way from a token to a user.</summary>
public sealed class SubscriptionEndpoint(
    SubscriptionSettings settings, IUserDirectory directory, IGrainFactory grains, INodeDirectory nodeDirectory,
    TimeProvider clock, IOptions<FrontEndOptions> frontEnd)
{
    // Tokens are 32 characters; anything far longer is not worth a query.
    private const int MaxTokenLength = 128;

    public SubscriptionSettings Settings => settings;

    public NodeListCache Nodes { get; } = new(nodeDirectory, clock);

    public IGrainFactory Grains => grains;

    public TimeProvider Clock => clock;

    public string UrlOf(string token) => SubscriptionUrls.For(frontEnd.Value.AppUrl, token);

    /// <summary>The token's user: one index lookup and one user read. Null for an unknown or revoked token.</summary>
    public async Task<UserView?> FindUserAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }
        if (await directory.FindBySubscriptionTokenAsync(token, cancellationToken) is not { } userId)
        {
            return null;
        }
        var user = await grains.GetGrain<IUserGrain>(userId).GetAsync();
        // Revoked between the lookup and the read: the old token must not serve the new credentials.
        return user is not null && string.Equals(user.Credentials.SubscriptionToken, token, StringComparison.Ordinal) ? user : null;
    }
}

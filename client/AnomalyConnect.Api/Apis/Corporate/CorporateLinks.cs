using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// The links of a corporate user, built from the nodes it is placed on: VLESS from the node's Xray inbound (with
/// Vision under REALITY, as the node adds the user), Hysteria2 from the node's Hysteria2 section.
/// </summary>
public static class CorporateLinks
{
    public static async Task<UserLinks> ForAsync(UserView user, IGrainFactory grains, string appUrl)
    {
        string? vless = null;
        string? hysteria2 = null;
        if (await PlacedNodeAsync(user, NodeProtocol.Vless, grains) is { Xray: { } xray } vlessNode)
        {
            vless = Build(Vless(user.Credentials, vlessNode, xray));
        }
        if (await PlacedNodeAsync(user, NodeProtocol.Hysteria2, grains) is { Hysteria2: { } hysteria } hysteriaNode)
        {
            hysteria2 = Build(Hysteria2(user.Credentials, hysteriaNode, hysteria));
        }
        return new UserLinks(vless, hysteria2, SubscriptionUrls.For(appUrl, user.Credentials.SubscriptionToken));
    }

    public static VlessRealityLink Vless(UserCredentials credentials, NodeView node, XrayDefinition xray) =>
        NodeLinks.Vless(credentials, node, xray, $"{node.Name} · VLESS");

    public static Hysteria2Link Hysteria2(UserCredentials credentials, NodeView node, Hysteria2PublicView hysteria) =>
        NodeLinks.Hysteria2(credentials, node, hysteria, $"{node.Name} · Hysteria2");

    private static async Task<NodeView?> PlacedNodeAsync(UserView user, NodeProtocol protocol, IGrainFactory grains) =>
        user.Placements.FirstOrDefault(p => p.Protocol == protocol) is { } placement
            ? await grains.GetGrain<INodeGrain>(placement.NodeId).GetAsync()
            : null;

    /// <summary>A node whose definition cannot make a link yields none rather than failing the whole answer.</summary>
    private static string? Build(ShareLink link)
    {
        try
        {
            return link.ToUri();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Api.Apis;

/// <summary>
/// A user's share links on one node: VLESS from the node's Xray inbound, Hysteria2 from its Hysteria2 section.
/// The one place links are built, for subscriptions and for the corporate API alike.
/// </summary>
public static class NodeLinks
{
    public static VlessRealityLink Vless(UserCredentials credentials, NodeView node, XrayDefinition xray, string name)
    {
        var reality = xray.Security == VlessSecurity.Reality ? xray.Reality : null;
        var secured = xray.Security != VlessSecurity.None;
        return new VlessRealityLink
        {
            Uuid = credentials.VlessUuid,
            Host = node.Address,
            Port = xray.Port,
            Security = xray.Security,
            ServerName = reality?.ServerName ?? (secured ? node.Address : ""),
            Fingerprint = secured ? (reality?.Fingerprint is { Length: > 0 } fingerprint ? fingerprint : "chrome") : "",
            PublicKey = reality?.PublicKey ?? "",
            ShortId = reality?.ShortId ?? "",
            SpiderX = reality?.SpiderX ?? "",
            // The node adds users with Vision only under REALITY (NodeConnections.VlessFlowOf); the link must agree.
            Flow = reality is not null ? VlessRealityLink.VisionFlow : "",
            Name = name,
        };
    }

    public static Hysteria2Link Hysteria2(UserCredentials credentials, NodeView node, Hysteria2PublicView hysteria, string name) => new()
    {
        Auth = credentials.Hysteria2Auth,
        Host = node.Address,
        Port = hysteria.Port,
        ServerName = hysteria.ServerName,
        ObfsPassword = hysteria.ObfsPassword ?? "",
        Insecure = hysteria.Insecure,
        Name = name,
    };
}

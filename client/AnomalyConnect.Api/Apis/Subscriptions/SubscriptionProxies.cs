using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Integrations.Subscriptions;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>
/// The proxies of a user, best first: the nodes the user is placed on (one per protocol), then, for failover in the
/// app, every other healthy node serving the same protocol, least loaded first. Only nodes that serve a protocol
/// get a link for it.
/// </summary>
public static class SubscriptionProxies
{
    public static IReadOnlyList<SubscriptionProxy> For(UserView user, IReadOnlyList<NodeSummary> nodes)
    {
        var chosen = new List<(NodeView Node, NodeProtocol Protocol)>();
        void Add(NodeView node, NodeProtocol protocol)
        {
            if (Serves(node, protocol) && !chosen.Exists(c => c.Node.NodeId == node.NodeId && c.Protocol == protocol))
            {
                chosen.Add((node, protocol));
            }
        }

        foreach (var placement in user.Placements)
        {
            if (nodes.FirstOrDefault(n => n.Node.NodeId == placement.NodeId) is { } placed)
            {
                Add(placed.Node, placement.Protocol);
            }
        }
        var failover = nodes
            .Where(n => n.Node.Health is NodeHealth.Healthy or NodeHealth.Unknown)
            .OrderBy(n => n.Node.Health == NodeHealth.Healthy ? 0 : 1)
            .ThenBy(n => n.Load)
            .ThenByDescending(n => n.Node.Priority)
            .ThenBy(n => n.Node.NodeId, StringComparer.Ordinal)
            .ToList();
        foreach (var protocol in Enum.GetValues<NodeProtocol>())
        {
            foreach (var node in failover)
            {
                Add(node.Node, protocol);
            }
        }
        return [.. chosen.Select(c => Proxy(user.Credentials, c.Node, c.Protocol))];
    }

    /// <summary>"🇪🇺 eu · Frankfurt 1 · VLESS": a flag when the region is a two-letter code.</summary>
    public static string DisplayName(NodeView node, NodeProtocol protocol)
    {
        var label = protocol == NodeProtocol.Vless ? "VLESS" : "Hysteria2";
        var flag = Flag(node.Region);
        return $"{(flag is null ? "" : flag + " ")}{node.Region} · {node.Name} · {label}";
    }

    private static bool Serves(NodeView node, NodeProtocol protocol) => protocol switch
    {
        NodeProtocol.Vless => node.Xray is not null,
        // Without the Hysteria2 section there is no client port or SNI to put in a link.
        NodeProtocol.Hysteria2 => node.Hysteria2 is not null,
        _ => false,
    };

    private static SubscriptionProxy Proxy(UserCredentials credentials, NodeView node, NodeProtocol protocol)
    {
        var name = DisplayName(node, protocol);
        ShareLink link = protocol == NodeProtocol.Vless ? Vless(credentials, node, name) : Hysteria2(credentials, node, name);
        return new SubscriptionProxy(node.NodeId, name, node.Region, link);
    }

    private static VlessRealityLink Vless(UserCredentials credentials, NodeView node, string name) =>
        NodeLinks.Vless(credentials, node, node.Xray!, name);

    private static Hysteria2Link Hysteria2(UserCredentials credentials, NodeView node, string name) =>
        NodeLinks.Hysteria2(credentials, node, node.Hysteria2!, name);

    private static string? Flag(string region) =>
        region is { Length: 2 } && region.All(char.IsAsciiLetter)
            ? string.Concat(region.ToUpperInvariant().Select(c => char.ConvertFromUtf32(0x1F1E6 + (c - 'A'))))
            : null;
}

using System.Runtime.CompilerServices;
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
    // Keyed by the list instance NodeListCache hands out, so the order and names are worked out once per refresh.
    private static readonly ConditionalWeakTable<IReadOnlyList<NodeSummary>, PreparedNodes> Prepared = new();

    public static IReadOnlyList<SubscriptionProxy> For(UserView user, IReadOnlyList<NodeSummary> nodes)
    {
        var prepared = Prepared.GetValue(nodes, PreparedNodes.Of);
        var chosen = new List<PreparedProxy>(prepared.Failover.Count + user.Placements.Count);
        foreach (var placement in user.Placements)
        {
            if (prepared.Find(placement.NodeId, placement.Protocol) is { } placed)
            {
                AddOnce(chosen, placed);
            }
        }
        foreach (var proxy in prepared.Failover)
        {
            AddOnce(chosen, proxy);
        }
        var proxies = new SubscriptionProxy[chosen.Count];
        for (var i = 0; i < proxies.Length; i++)
        {
            proxies[i] = Proxy(user.Credentials, chosen[i]);
        }
        return proxies;
    }

    /// <summary>Prepared proxies are one instance per node and protocol, so the same one means the same proxy.</summary>
    private static void AddOnce(List<PreparedProxy> chosen, PreparedProxy proxy)
    {
        foreach (var taken in chosen)
        {
            if (ReferenceEquals(taken, proxy))
            {
                return;
            }
        }
        chosen.Add(proxy);
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

    private static SubscriptionProxy Proxy(UserCredentials credentials, PreparedProxy proxy)
    {
        ShareLink link = proxy.Protocol == NodeProtocol.Vless
            ? Vless(credentials, proxy.Node, proxy.Name)
            : Hysteria2(credentials, proxy.Node, proxy.Name);
        return new SubscriptionProxy(proxy.Node.NodeId, proxy.Name, proxy.Node.Region, link);
    }

    /// <summary>A node and protocol a subscription can offer, with its display name.</summary>
    private sealed record PreparedProxy(NodeView Node, NodeProtocol Protocol, string Name);

    /// <summary>
    /// One node list, prepared: every (node, protocol) it can serve, and the failover order: healthy before
    /// unknown, least loaded, highest priority, then by id; protocol by protocol.
    /// </summary>
    private sealed class PreparedNodes
    {
        private readonly Dictionary<(string NodeId, NodeProtocol Protocol), PreparedProxy> byNode = [];

        public List<PreparedProxy> Failover { get; } = [];

        public PreparedProxy? Find(string nodeId, NodeProtocol protocol) => byNode.GetValueOrDefault((nodeId, protocol));

        public static PreparedNodes Of(IReadOnlyList<NodeSummary> nodes)
        {
            var prepared = new PreparedNodes();
            foreach (var node in nodes)
            {
                foreach (var protocol in Enum.GetValues<NodeProtocol>())
                {
                    if (Serves(node.Node, protocol))
                    {
                        prepared.byNode[(node.Node.NodeId, protocol)] = new PreparedProxy(node.Node, protocol, DisplayName(node.Node, protocol));
                    }
                }
            }
            var order = nodes
                .Where(n => n.Node.Health is NodeHealth.Healthy or NodeHealth.Unknown)
                .OrderBy(n => n.Node.Health == NodeHealth.Healthy ? 0 : 1)
                .ThenBy(n => n.Load)
                .ThenByDescending(n => n.Node.Priority)
                .ThenBy(n => n.Node.NodeId, StringComparer.Ordinal)
                .ToList();
            foreach (var protocol in Enum.GetValues<NodeProtocol>())
            {
                foreach (var node in order)
                {
                    if (prepared.Find(node.Node.NodeId, protocol) is { } proxy)
                    {
                        prepared.Failover.Add(proxy);
                    }
                }
            }
            return prepared;
        }
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

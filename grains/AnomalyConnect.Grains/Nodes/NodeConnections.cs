using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Integrations.Hysteria2;
using AnomalyConnect.Integrations.Xray;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>The wire clients of a node, built from its state (which holds the secrets the views leave out).</summary>
internal sealed class NodeConnections(GrainStore store, XrayApiClient xray, Hysteria2StatsClient hysteria)
{
    public const string GrainType = "node";

    public XrayApiClient Xray => xray;

    public Hysteria2StatsClient Hysteria => hysteria;

    public Task<NodeState?> ReadAsync(string nodeId, CancellationToken cancellationToken) =>
        store.ReadAsync<NodeState>(GrainType, nodeId, cancellationToken);

    public static XrayEndpoint XrayEndpointOf(NodeState node) => new(
        new Uri(node.Xray!.ApiUrl),
        node.Xray.Flavor == "v2ray" ? XrayFlavor.V2ray : XrayFlavor.Xray);

    /// <summary>VLESS with Reality needs the Vision flow; plain TLS or none carries no flow.</summary>
    public static string? VlessFlowOf(NodeState node) => node.Xray?.Security == "reality" ? "xtls-rprx-vision" : null;
}

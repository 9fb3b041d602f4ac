using AnomalyConnect.Integrations.Xray;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>The harness cannot name XrayEndpoint (AnomalyConnect.Testing does not reference Integrations).</summary>
internal static class V2rayServerNodeExtensions
{
    extension(V2rayServerNode node)
    {
        public XrayEndpoint Endpoint => new(node.ApiUrl, XrayFlavor.V2ray);
    }
}

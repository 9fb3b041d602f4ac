using AnomalyConnect.Api.Apis.Subscriptions;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Subscriptions.Tests.Unit;

public sealed class SubscriptionProxiesTests
{
    [Fact]
    public void For_WhenTheUserIsPlaced_ListsPlacedNodesFirstThenHealthyOthersLeastLoadedFirst()
    {
        var user = Samples.User(placements: [new(NodeProtocol.Vless, "busy"), new(NodeProtocol.Hysteria2, "h2")]);
        var nodes = new[]
        {
            Samples.Node("idle", load: 0.1), Samples.Node("busy", load: 0.9), Samples.Node("middle", load: 0.5),
            Samples.Node("h2", xray: false, hysteria2: true), Samples.Node("fresh", NodeHealth.Unknown),
        };

        var proxies = SubscriptionProxies.For(user, nodes);

        Assert.Equal(
            [("busy", ProxyProtocol.Vless), ("h2", ProxyProtocol.Hysteria2), ("idle", ProxyProtocol.Vless), ("middle", ProxyProtocol.Vless), ("fresh", ProxyProtocol.Vless)],
            proxies.Select(p => (p.NodeId, p.Protocol)));
    }

    [Fact]
    public void For_WhenNodesAreUnhealthyOrDraining_LeavesThemOutUnlessTheUserIsPlacedThere()
    {
        var user = Samples.User(placements: [new(NodeProtocol.Vless, "sick")]);
        var nodes = new[] { Samples.Node("sick", NodeHealth.Unhealthy), Samples.Node("other-sick", NodeHealth.Unhealthy), Samples.Node("leaving", NodeHealth.Draining) };

        var proxies = SubscriptionProxies.For(user, nodes);

        Assert.Equal(["sick"], proxies.Select(p => p.NodeId));
    }

    [Fact]
    public void For_WhenAPlacedNodeIsGone_SkipsIt()
    {
        var user = Samples.User(placements: [new(NodeProtocol.Vless, "deleted")]);

        Assert.Empty(SubscriptionProxies.For(user, []));
    }

    [Fact]
    public void For_UnderReality_WritesVisionFlowAndTheNodesRealityFields()
    {
        var user = Samples.User(placements: [new(NodeProtocol.Vless, "r")]);

        var link = Assert.IsType<VlessRealityLink>(Assert.Single(SubscriptionProxies.For(user, [Samples.Node("r")])).Link);

        Assert.Equal(("8f3c1a52-0d7e-4b8e-9a1f-2c6d5e4b3a21", "r.example.com", 443), (link.Uuid, link.Host, link.Port));
        Assert.Equal((VlessRealityLink.VisionFlow, "pbk-r", "abcd", "www.example.org"), (link.Flow, link.PublicKey, link.ShortId, link.ServerName));
        Assert.Equal("chrome", link.Fingerprint);
    }

    [Theory]
    [InlineData("tls", "t.example.com")]
    [InlineData("none", "")]
    public void For_WithoutReality_WritesNoFlowAsTheNodeAddsUsersWithout(string security, string serverName)
    {
        var user = Samples.User(placements: [new(NodeProtocol.Vless, "t")]);

        var link = Assert.IsType<VlessRealityLink>(Assert.Single(SubscriptionProxies.For(user, [Samples.Node("t", security: security)])).Link);

        Assert.Equal(("", security, serverName), (link.Flow, link.Security, link.ServerName));
        Assert.True(VlessRealityLink.TryParse(link.ToUri(), out _));
    }

    [Fact]
    public void For_AHysteria2Node_WritesTheUsersAuthAndTheNodesEndpoint()
    {
        var user = Samples.User(placements: [new(NodeProtocol.Hysteria2, "h")]);

        var link = Assert.IsType<Hysteria2Link>(Assert.Single(SubscriptionProxies.For(user, [Samples.Node("h", xray: false, hysteria2: true)])).Link);

        Assert.Equal(("hy2-auth", "h.example.com", "8443", "h.example.com", "obfs"), (link.Auth, link.Host, link.Port, link.ServerName, link.ObfsPassword));
    }

    [Theory]
    [InlineData("eu", "🇪🇺 eu · Frankfurt · VLESS")]
    [InlineData("de", "🇩🇪 de · Frankfurt · VLESS")]
    [InlineData("europe-west", "europe-west · Frankfurt · VLESS")]
    public void DisplayName_ForARegion_StartsWithItsFlagWhenItIsATwoLetterCode(string region, string expected)
    {
        var node = Samples.Node("n", region: region).Node with { Name = "Frankfurt" };

        Assert.Equal(expected, SubscriptionProxies.DisplayName(node, NodeProtocol.Vless));
    }
}

using AnomalyConnect.Api.Apis.Corporate;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Corporate.Tests.Unit;

public sealed class CorporateLinksTests
{
    private static readonly UserCredentials Credentials = new("6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "auth-secret-value", "sub-token");

    [Fact]
    public void Vless_OnARealityNode_CarriesTheNodesRealityFieldsAndVision()
    {
        var xray = new XrayDefinition("https://10.0.0.1:10085", "xray", "vless-in", 443, "reality",
            new RealityDefinition("pUbLiCkEy_base64url", "0a1b", "www.example.com", "firefox"));

        var uri = CorporateLinks.Vless(Credentials, Node("vpn1.example.com", xray, null), xray).ToUri();

        Assert.True(VlessRealityLink.TryParse(uri, out var link));
        Assert.Equal(Credentials.VlessUuid, link.Uuid);
        Assert.Equal("vpn1.example.com", link.Host);
        Assert.Equal(443, link.Port);
        Assert.Equal("reality", link.Security);
        Assert.Equal(VlessRealityLink.VisionFlow, link.Flow);
        Assert.Equal("pUbLiCkEy_base64url", link.PublicKey);
        Assert.Equal("0a1b", link.ShortId);
        Assert.Equal("www.example.com", link.ServerName);
        Assert.Equal("firefox", link.Fingerprint);
    }

    [Fact]
    public void Vless_OnANodeWithoutSecurity_HasNoFlow()
    {
        var xray = new XrayDefinition("http://127.0.0.1:10085", "v2ray", "vless-in", 20443, "none", null);

        var uri = CorporateLinks.Vless(Credentials, Node("127.0.0.1", xray, null), xray).ToUri();

        Assert.True(VlessRealityLink.TryParse(uri, out var link));
        Assert.Equal("none", link.Security);
        Assert.Equal("", link.Flow);
        Assert.Equal(20443, link.Port);
    }

    [Fact]
    public void Hysteria2_CarriesTheUsersAuthAndTheNodesPortSniAndObfs()
    {
        var hysteria = new Hysteria2PublicView("20000-50000", "http://127.0.0.1:9999", "hy.example.com", "obfs-pass", Insecure: false);

        var uri = CorporateLinks.Hysteria2(Credentials, Node("vpn1.example.com", null, hysteria), hysteria).ToUri();

        Assert.True(Hysteria2Link.TryParse(uri, out var link));
        Assert.Equal(Credentials.Hysteria2Auth, link.Auth);
        Assert.Equal("20000-50000", link.Port);
        Assert.Equal("hy.example.com", link.ServerName);
        Assert.Equal("obfs-pass", link.ObfsPassword);
    }

    private static NodeView Node(string address, XrayDefinition? xray, Hysteria2PublicView? hysteria) => new(
        "node-a", "Node A", "eu", address, 100, 0, NodeHealth.Healthy, 0, null, null, null, 0, 0, xray, hysteria, DateTimeOffset.UnixEpoch);
}

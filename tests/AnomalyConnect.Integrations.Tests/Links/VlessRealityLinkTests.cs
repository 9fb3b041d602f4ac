using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Links;

public sealed class VlessRealityLinkTests
{
    [Fact]
    public void ToUri_WhenReality_WritesTheDocumentedParametersInOrder()
    {
        var link = Samples.Reality("Frankfurt 1") with { SpiderX = "/" };

        Assert.Equal(
            "vless://b831381d-6324-4d53-ad4f-8cda48b30811@de1.example.com:443?type=tcp&security=reality&encryption=none"
            + "&flow=xtls-rprx-vision&sni=www.microsoft.com&fp=chrome&pbk=SbVKOEMjK0sIlbwg4akyBg5mL5KZwwB-ed4eEE7YnRc"
            + "&sid=6ba85179e30d4fc2&spx=%2F#Frankfurt%201",
            link.ToUri());
    }

    [Theory]
    [InlineData("🇩🇪 Frankfurt #1 & co")]
    [InlineData("Москва, сервер 2")]
    [InlineData("100% fast?yes=no/+")]
    [InlineData("")]
    public void TryParse_WhenGivenItsOwnUri_ReturnsAnEqualLink(string name)
    {
        var link = Samples.Reality(name);

        Assert.True(VlessRealityLink.TryParse(link.ToUri(), out var parsed));

        Assert.Equal(link, parsed);
        Assert.Equal(name, parsed.Name);
        Assert.Equal("de1.example.com", parsed.Host);
        Assert.Equal(443, parsed.Port);
        Assert.Equal("b831381d-6324-4d53-ad4f-8cda48b30811", parsed.Uuid);
        Assert.Equal("www.microsoft.com", parsed.ServerName);
        Assert.Equal("SbVKOEMjK0sIlbwg4akyBg5mL5KZwwB-ed4eEE7YnRc", parsed.PublicKey);
        Assert.Equal("6ba85179e30d4fc2", parsed.ShortId);
        Assert.Equal("chrome", parsed.Fingerprint);
        Assert.Equal("xtls-rprx-vision", parsed.Flow);
        Assert.Equal("/news?a=1", parsed.SpiderX);
    }

    [Fact]
    public void ToUri_WhenNameHasReservedCharacters_EscapesThemSoTheFragmentStaysOne()
    {
        var uri = Samples.Reality("a#b&c d").ToUri();

        Assert.EndsWith("#a%23b%26c%20d", uri);
        Assert.Single(uri.Split('#').Skip(1));
    }

    [Fact]
    public void ToUri_WhenHostIsIPv6_WritesItInBrackets()
    {
        var link = Samples.Tls();

        var uri = link.ToUri();

        Assert.StartsWith("vless://0b4a7c58-54c5-4f0e-9b3c-9d2e1f0a6b21@[2001:db8::7]:8443?", uri);
        Assert.True(VlessRealityLink.TryParse(uri, out var parsed));
        Assert.Equal(link, parsed);
        Assert.Equal("2001:db8::7", parsed.Host);
    }

    [Fact]
    public void ToUri_WhenTls_WritesNoRealityParameters()
    {
        var uri = (Samples.Tls() with { PublicKey = "ignored", ShortId = "ab" }).ToUri();

        Assert.Equal(
            "vless://0b4a7c58-54c5-4f0e-9b3c-9d2e1f0a6b21@[2001:db8::7]:8443?type=tcp&security=tls&encryption=none"
            + "&flow=xtls-rprx-vision&sni=tls.example.org&fp=firefox#IPv6%20TLS",
            uri);
    }

    [Fact]
    public void ToUri_WhenNoSecurity_WritesNoFlowSinceVisionNeedsTls()
    {
        var link = new VlessRealityLink
        {
            Uuid = "0b4a7c58-54c5-4f0e-9b3c-9d2e1f0a6b21", Host = "10.0.0.1", Port = 80,
            Security = VlessSecurity.None, Fingerprint = "", Flow = "", Name = "plain",
        };

        Assert.Equal(
            "vless://0b4a7c58-54c5-4f0e-9b3c-9d2e1f0a6b21@10.0.0.1:80?type=tcp&security=none&encryption=none#plain",
            link.ToUri());
        Assert.True(VlessRealityLink.TryParse(link.ToUri(), out var parsed));
        Assert.Equal(link, parsed);
    }

    [Fact]
    public void ToUri_WhenRealityHasNoPublicKey_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => (Samples.Reality() with { PublicKey = "" }).ToUri());
    }

    [Fact]
    public void TryParse_WhenLinkComesFromAnotherGenerator_ReadsItLeniently()
    {
        const string uri = "VLESS://b831381d-6324-4d53-ad4f-8cda48b30811@de1.example.com:443/?security=reality&type=raw"
            + "&headerType=none&pbk=key&sid=&fp=safari&sni=example.com#🇩🇪 Raw name";

        Assert.True(VlessRealityLink.TryParse(uri, out var parsed));

        Assert.Equal("🇩🇪 Raw name", parsed.Name);
        Assert.Equal("", parsed.ShortId);
        Assert.Equal("", parsed.Flow);
        Assert.Equal("safari", parsed.Fingerprint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a link")]
    [InlineData("vmess://b831381d@de1.example.com:443?security=reality&pbk=k")]
    [InlineData("vless://de1.example.com:443?security=reality&pbk=k")]
    [InlineData("vless://@de1.example.com:443?security=reality&pbk=k")]
    [InlineData("vless://id@de1.example.com?security=reality&pbk=k")]
    [InlineData("vless://id@de1.example.com:0?security=reality&pbk=k")]
    [InlineData("vless://id@de1.example.com:65536?security=reality&pbk=k")]
    [InlineData("vless://id@de1.example.com:44x?security=reality&pbk=k")]
    [InlineData("vless://id@de1.example.com:?security=reality&pbk=k")]
    [InlineData("vless://id@:443?security=reality&pbk=k")]
    [InlineData("vless://id@de 1.example.com:443?security=reality&pbk=k")]
    [InlineData("vless://id@[2001:db8::1:443?security=reality&pbk=k")]
    [InlineData("vless://id@[not-ipv6]:443?security=reality&pbk=k")]
    [InlineData("vless://id@2001:db8::1:443?security=reality&pbk=k")]
    [InlineData("vless://id@de1.example.com:443?security=reality")]
    [InlineData("vless://id@de1.example.com:443?security=reality&pbk=k&sid=xyz1")]
    [InlineData("vless://id@de1.example.com:443?security=reality&pbk=k&sid=abc")]
    [InlineData("vless://id@de1.example.com:443?security=xtls")]
    [InlineData("vless://id@de1.example.com:443?security=tls&type=ws")]
    [InlineData("vless://id@de1.example.com:443/ws-path?security=tls")]
    [InlineData("vless://id@de1.example.com:443?security=tls&encryption=aes-128-gcm")]
    public void TryParse_WhenMalformedOrUnsupported_ReturnsFalse(string? uri)
    {
        Assert.False(VlessRealityLink.TryParse(uri, out var parsed));
        Assert.Null(parsed);
    }
}

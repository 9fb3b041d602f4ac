using System.Text.Json.Nodes;
using AnomalyConnect.Integrations.NodeConfigs;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>The rendered Xray config, read back field by field as Xray reads it.</summary>
public sealed class XrayServerConfigTests
{
    [Theory]
    [InlineData("reality")]
    [InlineData("tls")]
    [InlineData("none")]
    public void Render_WhenAnySecurity_HasApiStatsAndPolicyXrayNeedsForUserManagement(string security)
    {
        var config = Parse(XrayServerConfig.Render(Sample(security)));

        Assert.Equal("warning", (string?)config["log"]!["loglevel"]);
        Assert.Equal("api", (string?)config["api"]!["tag"]);
        Assert.Equal(["HandlerService", "StatsService"], Strings(config["api"]!["services"]));
        Assert.Empty(config["stats"]!.AsObject());
        var level0 = config["policy"]!["levels"]!["0"]!;
        Assert.True((bool)level0["statsUserUplink"]!);
        Assert.True((bool)level0["statsUserDownlink"]!);
        Assert.True((bool)config["policy"]!["system"]!["statsInboundUplink"]!);
        Assert.True((bool)config["policy"]!["system"]!["statsInboundDownlink"]!);
    }

    [Fact]
    public void Render_WhenDefaultApiPort_ApiInboundIsDokodemoOnLoopback10085()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality()));

        var api = Inbound(config, "api-in");
        Assert.Equal("127.0.0.1", (string?)api["listen"]);
        Assert.Equal(10085, (int)api["port"]!);
        Assert.Equal("dokodemo-door", (string?)api["protocol"]);
        Assert.Equal("127.0.0.1", (string?)api["settings"]!["address"]);
    }

    [Fact]
    public void Render_WhenApiPortSet_ApiInboundUsesIt()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality() with { ApiPort = 62789 }));

        Assert.Equal(62789, (int)Inbound(config, "api-in")["port"]!);
    }

    [Theory]
    [InlineData("reality")]
    [InlineData("tls")]
    [InlineData("none")]
    public void Render_WhenAnySecurity_RoutesApiInboundToApiFirst(string security)
    {
        var config = Parse(XrayServerConfig.Render(Sample(security)));

        var first = config["routing"]!["rules"]!.AsArray()[0]!;
        Assert.Equal("field", (string?)first["type"]);
        Assert.Equal(["api-in"], Strings(first["inboundTag"]));
        Assert.Equal("api", (string?)first["outboundTag"]);
    }

    [Fact]
    public void Render_WhenAnyInput_BlocksPrivateAndLoopbackDestinationsAfterResolvingDomains()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality()));

        Assert.Equal("IPIfNonMatch", (string?)config["routing"]!["domainStrategy"]);
        var block = config["routing"]!["rules"]!.AsArray()[1]!;
        Assert.Equal("field", (string?)block["type"]);
        Assert.Equal("block", (string?)block["outboundTag"]);
        var ranges = Strings(block["ip"]);
        Assert.Contains("127.0.0.0/8", ranges);
        Assert.Contains("10.0.0.0/8", ranges);
        Assert.Contains("172.16.0.0/12", ranges);
        Assert.Contains("192.168.0.0/16", ranges);
        Assert.Contains("::1/128", ranges);
        Assert.Contains("fc00::/7", ranges);
    }

    [Fact]
    public void Render_WhenAnyInput_HasFreedomDirectFirstAndBlackholeBlock()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality()));

        var outbounds = config["outbounds"]!.AsArray();
        Assert.Equal(2, outbounds.Count);
        Assert.Equal("direct", (string?)outbounds[0]!["tag"]);
        Assert.Equal("freedom", (string?)outbounds[0]!["protocol"]);
        Assert.Equal("block", (string?)outbounds[1]!["tag"]);
        Assert.Equal("blackhole", (string?)outbounds[1]!["protocol"]);
    }

    [Theory]
    [InlineData("reality")]
    [InlineData("tls")]
    [InlineData("none")]
    public void Render_WhenHysteriaInboundSet_AllInboundAndOutboundTagsAreUnique(string security)
    {
        var input = Sample(security) with
        {
            HysteriaInboundTag = "hy2-in",
            HysteriaPort = 443,
            TlsCertificatePath = "/etc/xray/tls.crt",
            TlsKeyPath = "/etc/xray/tls.key",
        };

        var config = Parse(XrayServerConfig.Render(input));

        var inboundTags = config["inbounds"]!.AsArray().Select(inbound => (string?)inbound!["tag"]).ToList();
        var outboundTags = config["outbounds"]!.AsArray().Select(outbound => (string?)outbound!["tag"]).ToList();
        Assert.Equal(inboundTags.Count, inboundTags.Distinct().Count());
        Assert.Equal(outboundTags.Count, outboundTags.Distinct().Count());
        Assert.All(inboundTags, tag => Assert.False(string.IsNullOrEmpty(tag)));
        Assert.Contains(input.InboundTag, inboundTags);
        Assert.Contains("hy2-in", inboundTags);
    }

    [Fact]
    public void Render_WhenSecurityReality_VlessInboundHasEmptyClientsAndRealitySettings()
    {
        var input = NodeConfigSamples.Reality();

        var config = Parse(XrayServerConfig.Render(input));

        var vless = Inbound(config, "vless-reality");
        Assert.Equal("vless", (string?)vless["protocol"]);
        Assert.Equal("0.0.0.0", (string?)vless["listen"]);
        Assert.Equal(443, (int)vless["port"]!);
        Assert.Empty(vless["settings"]!["clients"]!.AsArray());
        Assert.Equal("none", (string?)vless["settings"]!["decryption"]);
        Assert.Null(vless["settings"]!["fallbacks"]);
        var stream = vless["streamSettings"]!;
        Assert.Equal("tcp", (string?)stream["network"]);
        Assert.Equal("reality", (string?)stream["security"]);
        Assert.Null(stream["tlsSettings"]);
        var reality = stream["realitySettings"]!;
        Assert.False((bool)reality["show"]!);
        Assert.Equal("www.microsoft.com:443", (string?)reality["dest"]);
        Assert.Equal(0, (int)reality["xver"]!);
        Assert.Equal(["www.microsoft.com"], Strings(reality["serverNames"]));
        Assert.Equal(input.RealityPrivateKey, (string?)reality["privateKey"]);
        Assert.Equal(["0123456789abcdef", "ab"], Strings(reality["shortIds"]));
    }

    [Fact]
    public void Render_WhenSecurityReality_SniffsRouteOnly()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality()));

        var sniffing = Inbound(config, "vless-reality")["sniffing"]!;
        Assert.True((bool)sniffing["enabled"]!);
        Assert.True((bool)sniffing["routeOnly"]!);
        Assert.Equal(["http", "tls"], Strings(sniffing["destOverride"]));
    }

    [Fact]
    public void Render_WhenRealityAndHttpPort_RelaysHttpPortToBorrowedSitePort80()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality() with { RealityDest = "www.microsoft.com:443" }));

        var relay = Inbound(config, "http-fallback");
        Assert.Equal("0.0.0.0", (string?)relay["listen"]);
        Assert.Equal(80, (int)relay["port"]!);
        Assert.Equal("dokodemo-door", (string?)relay["protocol"]);
        Assert.Equal("www.microsoft.com", (string?)relay["settings"]!["address"]);
        Assert.Equal(80, (int)relay["settings"]!["port"]!);
        Assert.Equal("tcp", (string?)relay["settings"]!["network"]);
    }

    [Fact]
    public void Render_WhenRealityAndNoHttpPort_HasNoHttpInbound()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality() with { HttpFallbackPort = null }));

        Assert.DoesNotContain(config["inbounds"]!.AsArray(), inbound => (string?)inbound!["tag"] == "http-fallback");
        Assert.Equal(2, config["inbounds"]!.AsArray().Count);
    }

    [Fact]
    public void Render_WhenSecurityTls_VlessInboundHasCertificatesAndFallsBackToLocalWebServer()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Tls("/etc/xray/fullchain.pem", "/etc/xray/key.pem")));

        var vless = Inbound(config, "vless-tls");
        var stream = vless["streamSettings"]!;
        Assert.Equal("tcp", (string?)stream["network"]);
        Assert.Equal("tls", (string?)stream["security"]);
        Assert.Null(stream["realitySettings"]);
        var certificate = Assert.Single(stream["tlsSettings"]!["certificates"]!.AsArray())!;
        Assert.Equal("/etc/xray/fullchain.pem", (string?)certificate["certificateFile"]);
        Assert.Equal("/etc/xray/key.pem", (string?)certificate["keyFile"]);
        Assert.Equal(["http/1.1"], Strings(stream["tlsSettings"]!["alpn"]));
        var fallback = Assert.Single(vless["settings"]!["fallbacks"]!.AsArray())!;
        Assert.Equal("127.0.0.1:80", (string?)fallback["dest"]);
        Assert.DoesNotContain(config["inbounds"]!.AsArray(), inbound => (string?)inbound!["tag"] == "http-fallback");
    }

    [Fact]
    public void Render_WhenTlsAndNoHttpPort_HasNoFallbacks()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Tls() with { HttpFallbackPort = null }));

        Assert.Null(Inbound(config, "vless-tls")["settings"]!["fallbacks"]);
    }

    [Fact]
    public void Render_WhenSecurityNone_VlessInboundIsPlainTcpWithoutFallbacksOrHttpInbound()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.None()));

        var vless = Inbound(config, "vless-in");
        Assert.Equal("none", (string?)vless["streamSettings"]!["security"]);
        Assert.Null(vless["streamSettings"]!["realitySettings"]);
        Assert.Null(vless["streamSettings"]!["tlsSettings"]);
        Assert.Null(vless["settings"]!["fallbacks"]);
        Assert.Equal(2, config["inbounds"]!.AsArray().Count);
    }

    [Fact]
    public void Render_WhenHysteriaInboundSet_AddsNativeHysteriaOverTlsWithNoClients()
    {
        var input = NodeConfigSamples.Reality() with
        {
            HysteriaInboundTag = "hy2-in",
            HysteriaPort = 8443,
            TlsCertificatePath = "/etc/xray/hy2.crt",
            TlsKeyPath = "/etc/xray/hy2.key",
        };

        var config = Parse(XrayServerConfig.Render(input));

        var hysteria = Inbound(config, "hy2-in");
        Assert.Equal("hysteria", (string?)hysteria["protocol"]);
        Assert.Equal(8443, (int)hysteria["port"]!);
        Assert.Equal(2, (int)hysteria["settings"]!["version"]!);
        Assert.Empty(hysteria["settings"]!["clients"]!.AsArray());
        var stream = hysteria["streamSettings"]!;
        Assert.Equal("hysteria", (string?)stream["network"]);
        Assert.Equal("tls", (string?)stream["security"]);
        Assert.Equal(2, (int)stream["hysteriaSettings"]!["version"]!);
        Assert.Equal(["h3"], Strings(stream["tlsSettings"]!["alpn"]));
        var certificate = Assert.Single(stream["tlsSettings"]!["certificates"]!.AsArray())!;
        Assert.Equal("/etc/xray/hy2.crt", (string?)certificate["certificateFile"]);
        Assert.Equal("/etc/xray/hy2.key", (string?)certificate["keyFile"]);
        Assert.Equal("reality", (string?)Inbound(config, "vless-reality")["streamSettings"]!["security"]);
    }

    [Fact]
    public void Render_WhenNoHysteriaInbound_HasNoHysteriaInbound()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality()));

        Assert.DoesNotContain(config["inbounds"]!.AsArray(), inbound => (string?)inbound!["protocol"] == "hysteria");
    }

    [Fact]
    public void Render_WhenSecurityInUpperCase_WritesItLowerCase()
    {
        var config = Parse(XrayServerConfig.Render(NodeConfigSamples.Reality() with { Security = "REALITY" }));

        Assert.Equal("reality", (string?)Inbound(config, "vless-reality")["streamSettings"]!["security"]);
    }

    [Fact]
    public void Render_WhenCalledTwice_ReturnsTheSameIndentedTextEndingInNewline()
    {
        var input = NodeConfigSamples.Reality();

        var first = XrayServerConfig.Render(input);

        Assert.Equal(first, XrayServerConfig.Render(input));
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.Contains("\n  \"api\": {", first, StringComparison.Ordinal);
    }

    private static XrayServerConfigInput Sample(string security) => security switch
    {
        "reality" => NodeConfigSamples.Reality(),
        "tls" => NodeConfigSamples.Tls(),
        _ => NodeConfigSamples.None(),
    };

    private static JsonNode Parse(string json) => JsonNode.Parse(json) ?? throw new InvalidOperationException("The config is JSON null.");

    private static JsonNode Inbound(JsonNode config, string tag) =>
        Assert.Single(config["inbounds"]!.AsArray(), inbound => (string?)inbound!["tag"] == tag)!;

    private static List<string?> Strings(JsonNode? array) => array!.AsArray().Select(item => (string?)item).ToList();
}

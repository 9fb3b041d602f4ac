using AnomalyConnect.Integrations.NodeConfigs;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>Inputs Xray would refuse, or run wrongly, are refused by the generator, naming the field.</summary>
public sealed class XrayServerConfigValidationTests
{
    [Fact]
    public void Render_WhenInputNull_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => XrayServerConfig.Render(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("xtls")]
    [InlineData("vmess")]
    public void Render_WhenSecurityUnknown_Throws(string security)
    {
        AssertRejected(NodeConfigSamples.Reality() with { Security = security }, nameof(XrayServerConfigInput.Security), "reality");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Render_WhenVlessPortOutOfRange_Throws(int port)
    {
        AssertRejected(NodeConfigSamples.Reality() with { VlessPort = port }, nameof(XrayServerConfigInput.VlessPort), "65535");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Render_WhenApiPortOutOfRange_Throws(int port)
    {
        AssertRejected(NodeConfigSamples.Reality() with { ApiPort = port }, nameof(XrayServerConfigInput.ApiPort), "65535");
    }

    [Fact]
    public void Render_WhenHttpFallbackPortOutOfRange_Throws()
    {
        AssertRejected(NodeConfigSamples.Reality() with { HttpFallbackPort = 0 }, nameof(XrayServerConfigInput.HttpFallbackPort), "65535");
    }

    [Fact]
    public void Render_WhenHysteriaPortOutOfRange_Throws()
    {
        var input = NodeConfigSamples.Tls() with { HysteriaInboundTag = "hy2-in", HysteriaPort = 65536 };

        AssertRejected(input, nameof(XrayServerConfigInput.HysteriaPort), "65535");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void Render_WhenPortsAtTheBounds_Accepts(int port)
    {
        var json = XrayServerConfig.Render(NodeConfigSamples.Reality() with { VlessPort = port, ApiPort = port == 1 ? 2 : 65534, HttpFallbackPort = 3 });

        Assert.Contains($"\"port\": {port}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenApiPortEqualsVlessPort_Throws()
    {
        AssertRejected(NodeConfigSamples.Reality() with { ApiPort = 443 }, nameof(XrayServerConfigInput.ApiPort), "differ");
    }

    [Theory]
    [InlineData("reality")]
    [InlineData("tls")]
    public void Render_WhenHttpPortEqualsVlessPort_Throws(string security)
    {
        var input = (security == "tls" ? NodeConfigSamples.Tls() : NodeConfigSamples.Reality()) with { HttpFallbackPort = 443 };

        AssertRejected(input, nameof(XrayServerConfigInput.HttpFallbackPort), "differ");
    }

    [Fact]
    public void Render_WhenHysteriaUdpPortEqualsVlessTcpPort_Accepts()
    {
        var input = NodeConfigSamples.Tls() with { HysteriaInboundTag = "hy2-in", HysteriaPort = 443 };

        Assert.Contains("\"hysteria\"", XrayServerConfig.Render(input), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("api-in")]
    [InlineData("http-fallback")]
    [InlineData("vless\nin")]
    public void Render_WhenInboundTagEmptyReservedOrMultiline_Throws(string tag)
    {
        AssertRejected(NodeConfigSamples.Reality() with { InboundTag = tag }, nameof(XrayServerConfigInput.InboundTag), "");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Render_WhenRealityWithoutPrivateKey_Throws(string? key)
    {
        AssertRejected(NodeConfigSamples.Reality() with { RealityPrivateKey = key }, nameof(XrayServerConfigInput.RealityPrivateKey), "required");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd28=")]
    [InlineData("aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd2+")]
    public void Render_WhenRealityPrivateKeyNotUnpaddedBase64Url_Throws(string key)
    {
        AssertRejected(NodeConfigSamples.Reality() with { RealityPrivateKey = key }, nameof(XrayServerConfigInput.RealityPrivateKey), "x25519");
    }

    [Fact]
    public void Render_WhenRealityPrivateKeyRejected_MessageDoesNotContainTheKey()
    {
        const string key = "secret-key-that-is-not-43-characters";

        var e = Assert.Throws<ArgumentException>(() => XrayServerConfig.Render(NodeConfigSamples.Reality() with { RealityPrivateKey = key }));

        Assert.DoesNotContain(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenRealityWithoutShortIds_Throws()
    {
        AssertRejected(NodeConfigSamples.Reality() with { RealityShortIds = [] }, nameof(XrayServerConfigInput.RealityShortIds), "at least one");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0123456789abcdef01")]
    [InlineData("zz")]
    public void Render_WhenShortIdNotEvenHexUpTo16_Throws(string shortId)
    {
        AssertRejected(NodeConfigSamples.Reality() with { RealityShortIds = ["ab", shortId] }, nameof(XrayServerConfigInput.RealityShortIds), shortId);
    }

    [Fact]
    public void Render_WhenShortIdEmpty_AcceptsItAsXrayDoes()
    {
        var json = XrayServerConfig.Render(NodeConfigSamples.Reality() with { RealityShortIds = ["", "ab"] });

        Assert.Contains("\"\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a host")]
    public void Render_WhenRealityServerNameMissingOrInvalid_Throws(string? serverName)
    {
        AssertRejected(NodeConfigSamples.Reality() with { RealityServerName = serverName }, nameof(XrayServerConfigInput.RealityServerName), "SNI");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("www.microsoft.com")]
    [InlineData(":443")]
    [InlineData("www.microsoft.com:0")]
    [InlineData("www.microsoft.com:443-444")]
    public void Render_WhenRealityDestNotHostPort_Throws(string? dest)
    {
        AssertRejected(NodeConfigSamples.Reality() with { RealityDest = dest }, nameof(XrayServerConfigInput.RealityDest), "host:port");
    }

    [Fact]
    public void Render_WhenRealityDestIsBracketedIpv6_RelaysToTheAddress()
    {
        var json = XrayServerConfig.Render(NodeConfigSamples.Reality() with { RealityDest = "[2001:db8::1]:443" });

        Assert.Contains("\"address\": \"2001:db8::1\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/etc/xray/tls.key", nameof(XrayServerConfigInput.TlsCertificatePath))]
    [InlineData("/etc/xray/tls.crt", null, nameof(XrayServerConfigInput.TlsKeyPath))]
    [InlineData(" ", "/etc/xray/tls.key", nameof(XrayServerConfigInput.TlsCertificatePath))]
    public void Render_WhenTlsWithoutCertificateFiles_Throws(string? certificate, string? key, string field)
    {
        AssertRejected(NodeConfigSamples.Tls() with { TlsCertificatePath = certificate, TlsKeyPath = key }, field, "PEM");
    }

    [Fact]
    public void Render_WhenTlsWithoutRealityFields_Accepts()
    {
        Assert.Contains("\"tls\"", XrayServerConfig.Render(NodeConfigSamples.Tls()), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenHysteriaTagWithoutPort_Throws()
    {
        AssertRejected(NodeConfigSamples.Tls() with { HysteriaInboundTag = "hy2-in" }, nameof(XrayServerConfigInput.HysteriaPort), "both");
    }

    [Fact]
    public void Render_WhenHysteriaPortWithoutTag_Throws()
    {
        AssertRejected(NodeConfigSamples.Tls() with { HysteriaPort = 8443 }, nameof(XrayServerConfigInput.HysteriaInboundTag), "both");
    }

    [Fact]
    public void Render_WhenHysteriaTagEqualsVlessTag_Throws()
    {
        var input = NodeConfigSamples.Tls() with { HysteriaInboundTag = "vless-tls", HysteriaPort = 8443 };

        AssertRejected(input, nameof(XrayServerConfigInput.HysteriaInboundTag), "differ");
    }

    [Fact]
    public void Render_WhenHysteriaWithRealityButNoCertificate_Throws()
    {
        var input = NodeConfigSamples.Reality() with { HysteriaInboundTag = "hy2-in", HysteriaPort = 8443 };

        AssertRejected(input, nameof(XrayServerConfigInput.TlsCertificatePath), "Hysteria2");
    }

    private static void AssertRejected(XrayServerConfigInput input, string field, string messagePart)
    {
        var e = Assert.Throws<ArgumentException>(() => XrayServerConfig.Render(input));
        Assert.Equal(field, e.ParamName);
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
    }
}

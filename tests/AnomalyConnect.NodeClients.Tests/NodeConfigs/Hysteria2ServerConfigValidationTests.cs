using AnomalyConnect.Integrations.NodeConfigs;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>Inputs Hysteria2 would refuse, or that would expose what must stay private, are refused naming the field.</summary>
public sealed class Hysteria2ServerConfigValidationTests
{
    [Fact]
    public void Render_WhenInputNull_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Hysteria2ServerConfig.Render(null!));
    }

    [Theory]
    [InlineData(":443")]
    [InlineData("0.0.0.0:443")]
    [InlineData("[::]:443")]
    [InlineData("node.example.com:8443")]
    public void Render_WhenListenIsOneAddress_Accepts(string listen)
    {
        Assert.Contains($"listen: \"{listen}\"", Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2() with { Listen = listen }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":20000-50000")]
    [InlineData(":443,8443")]
    public void Render_WhenListenIsAPortRange_ThrowsPointingToFirewallRedirect(string listen)
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { Listen = listen }, nameof(Hysteria2ServerConfigInput.Listen), "iptables");
    }

    [Theory]
    [InlineData("")]
    [InlineData("443")]
    [InlineData(":0")]
    [InlineData(":65536")]
    [InlineData("::443")]
    [InlineData("bad host:443")]
    public void Render_WhenListenInvalid_Throws(string listen)
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { Listen = listen }, nameof(Hysteria2ServerConfigInput.Listen), "");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/hysteria/auth/node-eu-1?secret=x")]
    [InlineData("ftp://control.example.com/hysteria/auth/node-eu-1")]
    public void Render_WhenAuthHookUrlNotAbsoluteHttp_Throws(string url)
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { AuthHookUrl = url }, nameof(Hysteria2ServerConfigInput.AuthHookUrl), "");
    }

    [Fact]
    public void Render_WhenAuthHookUrlIsPlainHttpToRemoteHost_ThrowsWithoutEchoingTheSecret()
    {
        var input = NodeConfigSamples.Hysteria2() with { AuthHookUrl = "http://control.example.com/hysteria/auth/node-eu-1?secret=topsecret" };

        var e = AssertRejected(input, nameof(Hysteria2ServerConfigInput.AuthHookUrl), "https");

        Assert.DoesNotContain("topsecret", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hysteria/auth/node-eu-1?secret=x")]
    [InlineData("http://localhost:8080/hysteria/auth/node-eu-1?secret=x")]
    [InlineData("http://[::1]:8080/hysteria/auth/node-eu-1?secret=x")]
    public void Render_WhenAuthHookUrlIsPlainHttpToLoopback_Accepts(string url)
    {
        Assert.Contains(url, Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2() with { AuthHookUrl = url }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0:9999")]
    [InlineData("203.0.113.7:9999")]
    [InlineData(":9999")]
    [InlineData("127.0.0.1")]
    [InlineData("")]
    public void Render_WhenStatsListenNotLoopbackHostPort_Throws(string listen)
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { StatsListen = listen }, nameof(Hysteria2ServerConfigInput.StatsListen), "loopback");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("line\nbreak")]
    public void Render_WhenStatsSecretBlankOrMultiline_Throws(string secret)
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { StatsSecret = secret }, nameof(Hysteria2ServerConfigInput.StatsSecret), "");
    }

    [Fact]
    public void Render_WhenBothAcmeAndCertificateFiles_Throws()
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { AcmeDomain = "hy.example.com" }, nameof(Hysteria2ServerConfigInput.AcmeDomain), "not both");
    }

    [Fact]
    public void Render_WhenNeitherAcmeNorCertificateFiles_Throws()
    {
        var input = NodeConfigSamples.Hysteria2() with { TlsCertificatePath = null, TlsKeyPath = null };

        AssertRejected(input, nameof(Hysteria2ServerConfigInput.TlsCertificatePath), "needs a certificate");
    }

    [Fact]
    public void Render_WhenOnlyAcmeEmail_Throws()
    {
        var input = NodeConfigSamples.Hysteria2() with { TlsCertificatePath = null, TlsKeyPath = null, AcmeEmail = "ops@example.com" };

        AssertRejected(input, nameof(Hysteria2ServerConfigInput.AcmeDomain), "domain");
    }

    [Fact]
    public void Render_WhenAcmeEmailInvalid_Throws()
    {
        var input = NodeConfigSamples.Hysteria2() with
        {
            TlsCertificatePath = null,
            TlsKeyPath = null,
            AcmeDomain = "hy.example.com",
            AcmeEmail = "not-an-email",
        };

        AssertRejected(input, nameof(Hysteria2ServerConfigInput.AcmeEmail), "email");
    }

    [Theory]
    [InlineData(null, "/etc/hysteria/tls.key", nameof(Hysteria2ServerConfigInput.TlsCertificatePath))]
    [InlineData("/etc/hysteria/tls.crt", null, nameof(Hysteria2ServerConfigInput.TlsKeyPath))]
    public void Render_WhenOnlyOneCertificateFile_Throws(string? certificate, string? key, string field)
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { TlsCertificatePath = certificate, TlsKeyPath = key }, field, "required");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(" ")]
    public void Render_WhenObfsPasswordShorterThanSalamanderAllows_Throws(string password)
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { ObfsPassword = password }, nameof(Hysteria2ServerConfigInput.ObfsPassword), "");
    }

    [Fact]
    public void Render_WhenObfsPasswordFourBytes_Accepts()
    {
        Assert.Contains("salamander", Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2() with { ObfsPassword = "abcd" }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("www.bing.com")]
    public void Render_WhenMasqueradeUrlNotAbsoluteHttp_Throws(string url)
    {
        AssertRejected(NodeConfigSamples.Hysteria2() with { MasqueradeUrl = url }, nameof(Hysteria2ServerConfigInput.MasqueradeUrl), "");
    }

    private static ArgumentException AssertRejected(Hysteria2ServerConfigInput input, string field, string messagePart)
    {
        var e = Assert.Throws<ArgumentException>(() => Hysteria2ServerConfig.Render(input));
        Assert.Equal(field, e.ParamName);
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
        return e;
    }
}

using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Links;

public sealed class Hysteria2LinkTests
{
    [Fact]
    public void ToUri_WhenEverythingIsSet_WritesTheDocumentedForm()
    {
        var link = new Hysteria2Link
        {
            Auth = "secret", Host = "nl1.example.net", Port = "443", ServerName = "nl1.example.net",
            ObfsPassword = "pw", Insecure = true, Name = "NL 1",
        };

        Assert.Equal(
            "hysteria2://secret@nl1.example.net:443/?sni=nl1.example.net&obfs=salamander&obfs-password=pw&insecure=1#NL%201",
            link.ToUri());
    }

    [Fact]
    public void ToUri_WhenSecure_LeavesInsecureOut()
    {
        var uri = (Samples.Hysteria2() with { Insecure = false, ObfsPassword = "" }).ToUri();

        Assert.DoesNotContain("insecure", uri);
        Assert.DoesNotContain("obfs", uri);
    }

    [Fact]
    public void ToUri_WhenAuthHasReservedCharacters_EscapesThemButKeepsTheUserPassColon()
    {
        var uri = (Samples.Hysteria2() with { Auth = "user:p@ss/w?rd#%é" }).ToUri();

        Assert.StartsWith("hysteria2://user:p%40ss%2Fw%3Frd%23%25%C3%A9@nl1.example.net:20000-50000/?", uri);
    }

    [Theory]
    [InlineData("443")]
    [InlineData("20000-50000")]
    [InlineData("443,5000-6000,7044")]
    public void TryParse_WhenGivenItsOwnUri_ReturnsAnEqualLink(string port)
    {
        var link = Samples.Hysteria2() with { Port = port };

        Assert.True(Hysteria2Link.TryParse(link.ToUri(), out var parsed));

        Assert.Equal(link, parsed);
        Assert.Equal("p@ss:w/rd?#%+ü", parsed.Auth);
        Assert.Equal("nl1.example.net", parsed.Host);
        Assert.Equal(port, parsed.Port);
        Assert.Equal("nl1.example.net", parsed.ServerName);
        Assert.Equal("obfs pw+/=", parsed.ObfsPassword);
        Assert.True(parsed.Insecure);
        Assert.Equal("Нидерланды — hop", parsed.Name);
    }

    [Fact]
    public void TryParse_WhenHostIsIPv6_RoundTrips()
    {
        var link = Samples.Hysteria2() with { Host = "2001:db8::42", Insecure = false };

        Assert.Contains("@[2001:db8::42]:20000-50000/", link.ToUri());
        Assert.True(Hysteria2Link.TryParse(link.ToUri(), out var parsed));
        Assert.Equal(link, parsed);
    }

    [Fact]
    public void TryParse_WhenShortSchemeAndNoPort_DefaultsTo443()
    {
        Assert.True(Hysteria2Link.TryParse("hy2://letmein@example.com/?insecure=0&sni=example.com", out var parsed));

        Assert.Equal("443", parsed.Port);
        Assert.False(parsed.Insecure);
        Assert.Equal("letmein", parsed.Auth);
        Assert.Equal("", parsed.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hysteria://auth@example.com:443")]
    [InlineData("hysteria2://example.com:443/")]
    [InlineData("hysteria2://@example.com:443/")]
    [InlineData("hysteria2://auth@example.com:0/")]
    [InlineData("hysteria2://auth@example.com:50000-20000/")]
    [InlineData("hysteria2://auth@example.com:443,/")]
    [InlineData("hysteria2://auth@example.com:443-70000/")]
    [InlineData("hysteria2://auth@example.com:abc/")]
    [InlineData("hysteria2://auth@example.com:443/?obfs=gecko&obfs-password=x")]
    [InlineData("hysteria2://auth@example.com:443/?obfs=salamander")]
    [InlineData("hysteria2://auth@example.com:443/?obfs-password=x")]
    [InlineData("hysteria2://auth@example.com:443/?insecure=maybe")]
    [InlineData("hysteria2://auth@exa mple.com:443/")]
    public void TryParse_WhenMalformedOrUnsupported_ReturnsFalse(string? uri)
    {
        Assert.False(Hysteria2Link.TryParse(uri, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void ToUri_WhenPortIsNotAPortSpec_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => (Samples.Hysteria2() with { Port = "any" }).ToUri());
    }
}

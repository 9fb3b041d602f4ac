using AnomalyConnect.Integrations.NodeConfigs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>The rendered Hysteria2 config, parsed back with YamlDotNet and read field by field as Hysteria reads it.</summary>
public sealed class Hysteria2ServerConfigTests
{
    [Fact]
    public void Render_WhenCertificateFilesGiven_HasListenTlsAuthStatsAndMasquerade()
    {
        var config = Parse(Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2()));

        Assert.Equal(":443", Scalar(config, "listen"));
        Assert.Equal("/etc/hysteria/tls.crt", Scalar(config, "tls", "cert"));
        Assert.Equal("/etc/hysteria/tls.key", Scalar(config, "tls", "key"));
        Assert.Equal("http", Scalar(config, "auth", "type"));
        Assert.Equal("https://control.example.com/hysteria/auth/node-eu-1?secret=s3cr3t", Scalar(config, "auth", "http", "url"));
        Assert.Equal("false", Scalar(config, "auth", "http", "insecure"));
        Assert.Equal("127.0.0.1:9999", Scalar(config, "trafficStats", "listen"));
        Assert.Equal("stats-secret", Scalar(config, "trafficStats", "secret"));
        Assert.Equal("proxy", Scalar(config, "masquerade", "type"));
        Assert.Equal("https://www.bing.com", Scalar(config, "masquerade", "proxy", "url"));
        Assert.Equal("true", Scalar(config, "masquerade", "proxy", "rewriteHost"));
    }

    [Fact]
    public void Render_WhenCertificateFilesGiven_HasNoAcme()
    {
        var config = Parse(Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2()));

        Assert.False(config.Children.ContainsKey("acme"));
    }

    [Fact]
    public void Render_WhenAcmeGiven_HasAcmeDomainsAndEmailAndNoTls()
    {
        var input = NodeConfigSamples.Hysteria2() with
        {
            AcmeDomain = "hy.example.com",
            AcmeEmail = "ops@example.com",
            TlsCertificatePath = null,
            TlsKeyPath = null,
        };

        var config = Parse(Hysteria2ServerConfig.Render(input));

        var domains = Assert.IsType<YamlSequenceNode>(Node(config, "acme", "domains"));
        Assert.Equal("hy.example.com", Assert.IsType<YamlScalarNode>(Assert.Single(domains.Children)).Value);
        Assert.Equal("ops@example.com", Scalar(config, "acme", "email"));
        Assert.False(config.Children.ContainsKey("tls"));
    }

    [Fact]
    public void Render_WhenAcmeWithoutEmail_OmitsEmail()
    {
        var input = NodeConfigSamples.Hysteria2() with { AcmeDomain = "hy.example.com", TlsCertificatePath = null, TlsKeyPath = null };

        var config = Parse(Hysteria2ServerConfig.Render(input));

        Assert.False(Assert.IsType<YamlMappingNode>(Node(config, "acme")).Children.ContainsKey("email"));
    }

    [Fact]
    public void Render_WhenObfsPasswordSet_HasSalamanderObfs()
    {
        var config = Parse(Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2() with { ObfsPassword = "obfs-pass" }));

        Assert.Equal("salamander", Scalar(config, "obfs", "type"));
        Assert.Equal("obfs-pass", Scalar(config, "obfs", "salamander", "password"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Render_WhenNoObfsPassword_HasNoObfs(string? password)
    {
        var config = Parse(Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2() with { ObfsPassword = password }));

        Assert.False(config.Children.ContainsKey("obfs"));
    }

    [Theory]
    [InlineData("pass:word")]
    [InlineData("pass #word")]
    [InlineData("#starts-with-hash")]
    [InlineData("\"double\" and 'single' quotes")]
    [InlineData("back\\slash")]
    [InlineData("- dash: first")]
    [InlineData("{braces}, [brackets] & *star !bang %percent @at `tick` |pipe >gt")]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("0777")]
    [InlineData(" leading and trailing spaces ")]
    [InlineData("ключ-密码-🔑")]
    public void Render_WhenSpecialCharactersInSecrets_SecretsSurviveRoundTripAsStrings(string secret)
    {
        var input = NodeConfigSamples.Hysteria2() with
        {
            AuthHookUrl = "https://control.example.com/hysteria/auth/node-eu-1?secret=" + Uri.EscapeDataString(secret) + "#" + secret,
            StatsSecret = secret,
            ObfsPassword = "obfs" + secret,
        };

        var config = Parse(Hysteria2ServerConfig.Render(input));

        AssertQuotedString(input.AuthHookUrl, Node(config, "auth", "http", "url"));
        AssertQuotedString(secret, Node(config, "trafficStats", "secret"));
        AssertQuotedString("obfs" + secret, Node(config, "obfs", "salamander", "password"));
    }

    [Fact]
    public void Render_WhenBracketedIpv6Listen_ListenSurvivesRoundTrip()
    {
        var config = Parse(Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2() with { Listen = "[::]:8443", StatsListen = "[::1]:9999" }));

        AssertQuotedString("[::]:8443", Node(config, "listen"));
        AssertQuotedString("[::1]:9999", Node(config, "trafficStats", "listen"));
    }

    [Fact]
    public void Render_WhenMasqueradeUrlSet_UsesIt()
    {
        var config = Parse(Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2() with { MasqueradeUrl = "https://news.ycombinator.com/" }));

        Assert.Equal("https://news.ycombinator.com/", Scalar(config, "masquerade", "proxy", "url"));
    }

    [Fact]
    public void Render_WhenAnyInput_RejectsPrivateAndLoopbackDestinationsInAcl()
    {
        var config = Parse(Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2()));

        var rules = Assert.IsType<YamlSequenceNode>(Node(config, "acl", "inline")).Children
            .Select(rule => Assert.IsType<YamlScalarNode>(rule).Value)
            .ToList();
        Assert.Contains("reject(127.0.0.0/8)", rules);
        Assert.Contains("reject(10.0.0.0/8)", rules);
        Assert.Contains("reject(192.168.0.0/16)", rules);
        Assert.Contains("reject(::1/128)", rules);
        Assert.All(rules, rule => Assert.StartsWith("reject(", rule, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_WhenAnyInput_StartsWithAPortHoppingNoteForTheListenPort()
    {
        var yaml = Hysteria2ServerConfig.Render(NodeConfigSamples.Hysteria2() with { Listen = "0.0.0.0:8443" });

        Assert.StartsWith("# ", yaml, StringComparison.Ordinal);
        Assert.Contains("iptables  -t nat -A PREROUTING -p udp --dport 20000:50000 -j REDIRECT --to-ports 8443", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenCalledTwice_ReturnsTheSameTextEndingInNewline()
    {
        var input = NodeConfigSamples.Hysteria2();

        var first = Hysteria2ServerConfig.Render(input);

        Assert.Equal(first, Hysteria2ServerConfig.Render(input));
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("...", first, StringComparison.Ordinal);
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var document = Assert.Single(stream.Documents);
        return Assert.IsType<YamlMappingNode>(document.RootNode);
    }

    private static YamlNode Node(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"missing key '{key}' of {string.Join('.', path)}");
            node = child!;
        }
        return node;
    }

    private static string? Scalar(YamlMappingNode root, params string[] path) => Assert.IsType<YamlScalarNode>(Node(root, path)).Value;

    // Double-quoted is what keeps a YAML 1.1 or 1.2 reader (Hysteria's viper/yaml.v3) from typing it as a number or bool.
    private static void AssertQuotedString(string expected, YamlNode node)
    {
        var scalar = Assert.IsType<YamlScalarNode>(node);
        Assert.Equal(expected, scalar.Value);
        Assert.Equal(ScalarStyle.DoubleQuoted, scalar.Style);
    }
}

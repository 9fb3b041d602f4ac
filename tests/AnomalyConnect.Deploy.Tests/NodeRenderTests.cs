using System.Text.Json.Nodes;
using AnomalyConnect.Deploy.Tests.Support;
using YamlDotNet.Serialization;

namespace AnomalyConnect.Deploy.Tests;

/// <summary>
/// deploy/node/render.sh run for real. Xray's Reality is not in Debian's v2ray, so <c>v2ray -test</c> cannot check the
/// Xray config: its structure is checked instead, against what notes/xray-api.md and DESIGN.md §4 and §6 require.
/// </summary>
public sealed class NodeRenderTests
{
    private static readonly Dictionary<string, string> Complete = new()
    {
        ["NODE_ID"] = "node-test-1",
        ["NODE_ADDRESS"] = "203.0.113.10",
        ["CONTROL_URL"] = "https://vpn.example.test/",
        ["REALITY_DEST"] = "www.example.com:443",
        ["REALITY_SERVER_NAME"] = "www.example.com",
        ["REALITY_PRIVATE_KEY"] = "oEmZuFtJsA_dqdZUAumses5KabsnNpHem6qwS5Vb9kg",
        ["REALITY_SHORT_ID"] = "8994d9edc3b54c17",
        ["HY2_STATS_SECRET"] = "stats-secret-0123456789abcdef",
        ["HY2_AUTH_SECRET"] = "auth-secret-from-control",
    };

    [Fact]
    public async Task XrayConfig_WhenRendered_IsJsonWithAVisionRealityInboundAndTheApiOnLoopback()
    {
        using var node = new NodeRender(Complete);
        await node.RenderAsync();

        var config = JsonNode.Parse(await File.ReadAllTextAsync(node.OutputFile("xray/config.json")))!;

        Assert.Equal(["HandlerService", "StatsService"], config["api"]!["services"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("api", config["api"]!["tag"]!.GetValue<string>());
        Assert.NotNull(config["stats"]);
        var level0 = config["policy"]!["levels"]!["0"]!;
        Assert.True(level0["statsUserUplink"]!.GetValue<bool>());
        Assert.True(level0["statsUserDownlink"]!.GetValue<bool>());
        var inbounds = config["inbounds"]!.AsArray();
        var api = Inbound(inbounds, "api-in");
        Assert.Equal("127.0.0.1", api["listen"]!.GetValue<string>());
        Assert.Equal(10085, api["port"]!.GetValue<int>());
        Assert.Equal("dokodemo-door", api["protocol"]!.GetValue<string>());
        var rules = config["routing"]!["rules"]!.AsArray();
        Assert.Contains(rules, r => r!["outboundTag"]!.GetValue<string>() == "api" && r["inboundTag"]![0]!.GetValue<string>() == "api-in");

        var vless = Inbound(inbounds, "vless-reality");
        Assert.Equal(443, vless["port"]!.GetValue<int>());
        Assert.Equal("vless", vless["protocol"]!.GetValue<string>());
        Assert.Equal("none", vless["settings"]!["decryption"]!.GetValue<string>());
        Assert.Empty(vless["settings"]!["clients"]!.AsArray());
        var stream = vless["streamSettings"]!;
        Assert.Equal("tcp", stream["network"]!.GetValue<string>());
        Assert.Equal("reality", stream["security"]!.GetValue<string>());
        var reality = stream["realitySettings"]!;
        Assert.Equal("www.example.com:443", reality["dest"]!.GetValue<string>());
        Assert.Equal(["www.example.com"], reality["serverNames"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(Complete["REALITY_PRIVATE_KEY"], reality["privateKey"]!.GetValue<string>());
        Assert.Equal([Complete["REALITY_SHORT_ID"]], reality["shortIds"]!.AsArray().Select(s => s!.GetValue<string>()));

        var fallback = Inbound(inbounds, "http-fallback");
        Assert.Equal(80, fallback["port"]!.GetValue<int>());
        Assert.Equal("www.example.com", fallback["settings"]!["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task XrayConfig_WhenRendered_BlocksUsersFromTheNodeItselfAndPrivateNetworks()
    {
        using var node = new NodeRender(Complete);
        await node.RenderAsync();

        var config = JsonNode.Parse(await File.ReadAllTextAsync(node.OutputFile("xray/config.json")))!;
        var block = config["routing"]!["rules"]!.AsArray().Single(r => r!["ip"] is not null && r["outboundTag"]!.GetValue<string>() == "block")!;
        var blocked = block["ip"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();

        Assert.Subset(blocked.ToHashSet(), new HashSet<string> { "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "203.0.113.10" });
        Assert.Equal("IPIfNonMatch", config["routing"]!["domainStrategy"]!.GetValue<string>());
        Assert.Contains(config["outbounds"]!.AsArray(), o => o!["tag"]!.GetValue<string>() == "block" && o["protocol"]!.GetValue<string>() == "blackhole");
    }

    [Fact]
    public async Task HysteriaConfig_WhenRendered_AuthenticatesThroughTheControlServerAndServesStatsOnLoopback()
    {
        using var node = new NodeRender(Complete);
        await node.RenderAsync();

        var config = Yaml(await File.ReadAllTextAsync(node.OutputFile("hysteria/config.yaml")));

        Assert.Equal(":443", config["listen"]);
        var auth = (Dictionary<object, object?>)config["auth"]!;
        Assert.Equal("http", auth["type"]);
        Assert.Equal(
            "https://vpn.example.test/hysteria/auth/node-test-1?secret=auth-secret-from-control",
            ((Dictionary<object, object?>)auth["http"]!)["url"]);
        var stats = (Dictionary<object, object?>)config["trafficStats"]!;
        Assert.Equal("127.0.0.1:9999", stats["listen"]);
        Assert.Equal(Complete["HY2_STATS_SECRET"], stats["secret"]);
        var tls = (Dictionary<object, object?>)config["tls"]!;
        Assert.Equal("/etc/hysteria/tls.crt", tls["cert"]);
        Assert.True(File.Exists(node.OutputFile("hysteria/tls.crt")) && File.Exists(node.OutputFile("hysteria/tls.key")));
        var acl = ((List<object?>)((Dictionary<object, object?>)config["acl"]!)["inline"]!).Cast<string>().ToList();
        Assert.Contains("reject(127.0.0.0/8)", acl);
        Assert.Contains("reject(203.0.113.10)", acl);
        Assert.Equal("direct(all)", acl[^1]);
        Assert.False(config.ContainsKey("obfs"));
    }

    [Fact]
    public async Task HysteriaConfig_WhenAnObfsPasswordIsSet_AddsSalamander()
    {
        using var node = new NodeRender(new Dictionary<string, string>(Complete) { ["HY2_OBFS_PASSWORD"] = "obfs-pass_1", ["HY2_PORT"] = "8443" });
        await node.RenderAsync();

        var config = Yaml(await File.ReadAllTextAsync(node.OutputFile("hysteria/config.yaml")));
        var obfs = (Dictionary<object, object?>)config["obfs"]!;

        Assert.Equal("salamander", obfs["type"]);
        Assert.Equal("obfs-pass_1", ((Dictionary<object, object?>)obfs["salamander"]!)["password"]);
        Assert.Equal(":8443", config["listen"]);
        Assert.Equal("obfs-pass_1", JsonNode.Parse(await File.ReadAllTextAsync(node.OutputFile("node.json")))!["hysteria2"]!["obfs_password"]!.GetValue<string>());
    }

    [Fact]
    public async Task NodeJson_WhenRendered_IsTheRegistrationBodyOfTheAdminApi()
    {
        using var node = new NodeRender(Complete);
        await node.RenderAsync();

        var body = JsonNode.Parse(await File.ReadAllTextAsync(node.OutputFile("node.json")))!;

        Assert.Equal("node-test-1", body["id"]!.GetValue<string>());
        Assert.Equal("203.0.113.10", body["address"]!.GetValue<string>());
        Assert.Equal(500, body["capacity"]!.GetValue<int>());
        var xray = body["xray"]!;
        Assert.Equal("https://203.0.113.10:8443", xray["api_url"]!.GetValue<string>());
        Assert.Equal("xray", xray["flavor"]!.GetValue<string>());
        Assert.Equal("vless-reality", xray["inbound_tag"]!.GetValue<string>());
        Assert.Equal("reality", xray["security"]!.GetValue<string>());
        Assert.Equal("www.example.com", xray["reality"]!["server_name"]!.GetValue<string>());
        Assert.Equal("chrome", xray["reality"]!["fingerprint"]!.GetValue<string>());
        Assert.Equal(Complete["REALITY_SHORT_ID"], xray["reality"]!["short_id"]!.GetValue<string>());
        var hysteria = body["hysteria2"]!;
        Assert.Equal("https://203.0.113.10:8443/hy2", hysteria["stats_url"]!.GetValue<string>());
        Assert.Equal(Complete["HY2_STATS_SECRET"], hysteria["stats_secret"]!.GetValue<string>());
        Assert.Null(hysteria["obfs_password"]);
    }

    [Fact]
    public async Task NodeJson_WhenRendered_CarriesThePublicKeyOfTheRealityPrivateKey()
    {
        using var keys = new TempDirectory("anomaly-x25519-");
        var pem = keys.Combine("key.pem");
        Assert.Equal(0, (await ProcessRunner.RunAsync(RequiredTools.Openssl, ["genpkey", "-algorithm", "X25519", "-out", pem])).ExitCode);
        var privateDer = keys.Combine("private.der");
        var publicDer = keys.Combine("public.der");
        Assert.Equal(0, (await ProcessRunner.RunAsync(RequiredTools.Openssl, ["pkey", "-in", pem, "-outform", "DER", "-out", privateDer])).ExitCode);
        Assert.Equal(0, (await ProcessRunner.RunAsync(RequiredTools.Openssl, ["pkey", "-in", pem, "-pubout", "-outform", "DER", "-out", publicDer])).ExitCode);
        var privateKey = Base64Url((await File.ReadAllBytesAsync(privateDer))[^32..]);
        var publicKey = Base64Url((await File.ReadAllBytesAsync(publicDer))[^32..]);
        using var node = new NodeRender(new Dictionary<string, string>(Complete) { ["REALITY_PRIVATE_KEY"] = privateKey });

        await node.RenderAsync();

        var body = JsonNode.Parse(await File.ReadAllTextAsync(node.OutputFile("node.json")))!;
        Assert.Equal(publicKey, body["xray"]!["reality"]!["public_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Render_WhenSecretsAreEmpty_GeneratesThemOnceAndKeepsThemInTheEnvFile()
    {
        var values = new Dictionary<string, string>(Complete) { ["REALITY_PRIVATE_KEY"] = "", ["REALITY_SHORT_ID"] = "", ["HY2_STATS_SECRET"] = "" };
        using var node = new NodeRender(values);

        await node.RenderAsync();
        var first = await File.ReadAllTextAsync(node.OutputFile("node.json"));
        await node.RenderAsync();
        var second = await File.ReadAllTextAsync(node.OutputFile("node.json"));

        Assert.Matches("^[A-Za-z0-9_-]{43}$", node.EnvValue("REALITY_PRIVATE_KEY"));
        Assert.Matches("^[0-9a-f]{16}$", node.EnvValue("REALITY_SHORT_ID"));
        Assert.Matches("^[0-9a-f]{48}$", node.EnvValue("HY2_STATS_SECRET"));
        Assert.Equal(first, second);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", JsonNode.Parse(first)!["xray"]!["reality"]!["public_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Render_WhenTheAuthHookSecretIsEmpty_RendersButWarns()
    {
        using var node = new NodeRender(new Dictionary<string, string>(Complete) { ["HY2_AUTH_SECRET"] = "" });

        var result = await node.RunAsync();

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("HY2_AUTH_SECRET is empty", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NODE_ADDRESS", "not-an-ip")]
    [InlineData("CONTROL_URL", "vpn.example.test")]
    [InlineData("REALITY_DEST", "www.example.com")]
    [InlineData("REALITY_SHORT_ID", "xyz")]
    [InlineData("NODE_ID", "node 1")]
    public async Task Render_WhenAValueIsInvalid_FailsNamingIt(string name, string value)
    {
        using var node = new NodeRender(new Dictionary<string, string>(Complete) { [name] = value });

        var result = await node.RunAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(name, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(node.OutputFile("xray/config.json")));
    }

    [Fact]
    public async Task NodeNginx_WhenRendered_PassesNginxTest()
    {
        using var pki = await Pki.CreateForNodeAsync("node-test-1", "127.0.0.1");
        using var node = new NodeRender(Complete);
        await node.RenderAsync();
        using var prefix = NodeManagementFixture.Prepare(node, pki, "node-test-1");

        var result = await prefix.TestAsync();

        Assert.True(result.ExitCode == 0, result.Describe());
        var config = await File.ReadAllTextAsync(node.OutputFile("nginx/nginx.conf"));
        Assert.Contains("ssl_verify_client on;", config, StringComparison.Ordinal);
        Assert.Contains("grpc_pass grpc://127.0.0.1:10085;", config, StringComparison.Ordinal);
        Assert.Contains("proxy_pass http://127.0.0.1:9999/;", config, StringComparison.Ordinal);
        Assert.Contains("listen 8443 ssl http2;", config, StringComparison.Ordinal);
    }

    private static JsonNode Inbound(JsonArray inbounds, string tag) =>
        inbounds.Single(i => i!["tag"]!.GetValue<string>() == tag) ?? throw new Xunit.Sdk.XunitException($"No inbound {tag}.");

    private static Dictionary<object, object?> Yaml(string text) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(text);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

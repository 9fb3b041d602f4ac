using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using AnomalyConnect.Integrations.NodeConfigs;
using AnomalyConnect.Integrations.Xray;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>
/// Rendered configs against Debian's real v2ray 4.34, which knows VLESS, TLS, fallbacks, the API and stats but not
/// Reality or Hysteria: the <c>none</c> and <c>tls</c> variants must load as they are; of a Reality config, everything
/// but the Reality stream settings must load (v2ray does not reject <c>security: reality</c>, it ignores it and would
/// serve plain VLESS, so its -test says nothing about Reality settings). A running <c>none</c> config must take users
/// over its own API and refuse to carry traffic to the node's loopback.
/// </summary>
public sealed class XrayServerConfigV2rayTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("xray-config-test-");
    private readonly HttpClient apiHttp = new(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));
    private readonly XrayApiClient api;

    public XrayServerConfigV2rayTests() => api = new XrayApiClient(apiHttp);

    private CancellationToken Ct => timeout.Token;

    public void Dispose()
    {
        apiHttp.Dispose();
        timeout.Dispose();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Render_WhenSecurityNone_IsAcceptedByV2rayTest()
    {
        var (accepted, output) = await TestAsync(XrayServerConfig.Render(NodeConfigSamples.None()));

        Assert.True(accepted, output);
    }

    [Fact]
    public async Task Render_WhenSecurityTlsWithFallback_IsAcceptedByV2rayTest()
    {
        var (certificate, key) = WriteSelfSignedCertificate();

        var (accepted, output) = await TestAsync(XrayServerConfig.Render(NodeConfigSamples.Tls(certificate, key)));

        Assert.True(accepted, output);
    }

    [Fact]
    public async Task Render_WhenSecurityReality_IsAcceptedByV2rayTestOnceRealityStreamSettingsAreStripped()
    {
        var config = JsonNode.Parse(XrayServerConfig.Render(NodeConfigSamples.Reality()))!;
        var vless = config["inbounds"]!.AsArray().Single(inbound => (string?)inbound!["tag"] == "vless-reality")!;
        vless["streamSettings"] = new JsonObject { ["network"] = "tcp" };

        var (accepted, output) = await TestAsync(config.ToJsonString());

        Assert.True(accepted, output);
    }

    [Fact]
    public async Task Render_WhenSecurityNone_RunningV2rayTakesAUserThroughTheConfigsApiInbound()
    {
        var (apiPort, vlessPort) = TwoFreePorts();
        await using var node = await RenderedV2rayNode.StartAsync(XrayServerConfig.Render(NodeConfigSamples.None(apiPort, vlessPort)), apiPort, api, Ct);

        await api.AddVlessUserAsync(node.Endpoint, "vless-in", "user@test", Guid.NewGuid().ToString(), flow: null, Ct);
        var error = await Assert.ThrowsAsync<XrayApiException>(
            () => api.AddVlessUserAsync(node.Endpoint, "no-such-inbound", "user@test", Guid.NewGuid().ToString(), flow: null, Ct));

        Assert.Contains("not found", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Render_WhenSecurityNone_RunningV2rayRefusesTrafficToTheNodesLoopback(string host)
    {
        await using var web = AnyHostHttpServer.Start();

        var served = await FetchThroughNodeAsync(XrayServerConfig.Render(NodeConfigSamples.None()), web.Url(host));

        Assert.False(served, "a user reached the node's loopback through the tunnel");
        Assert.Equal(0, web.Answered);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Render_WhenSecurityNoneAndBlockRuleRemoved_SameTrafficIsServed(string host)
    {
        await using var web = AnyHostHttpServer.Start();
        var config = JsonNode.Parse(XrayServerConfig.Render(NodeConfigSamples.None()))!;
        config["routing"]!["rules"]!.AsArray().RemoveAt(1);

        var served = await FetchThroughNodeAsync(config.ToJsonString(), web.Url(host));

        Assert.True(served, "without the block rule the tunnel should carry the request: the refusal is that rule's doing");
        Assert.Equal(1, web.Answered);
    }

    /// <summary>Runs <paramref name="configJson"/> (a <c>none</c> config, its ports replaced by free ones) and fetches <paramref name="url"/> through it.</summary>
    private async Task<bool> FetchThroughNodeAsync(string configJson, Uri url)
    {
        var (apiPort, vlessPort) = TwoFreePorts();
        var config = JsonNode.Parse(configJson)!;
        var inbounds = config["inbounds"]!.AsArray();
        inbounds.Single(inbound => (string?)inbound!["tag"] == "api-in")!["port"] = apiPort;
        inbounds.Single(inbound => (string?)inbound!["tag"] == "vless-in")!["port"] = vlessPort;
        await using var node = await RenderedV2rayNode.StartAsync(config.ToJsonString(), apiPort, api, Ct);
        var uuid = Guid.NewGuid().ToString();
        await api.AddVlessUserAsync(node.Endpoint, "vless-in", "user@test", uuid, flow: null, Ct);
        await using var client = await V2rayVlessClient.StartAsync(vlessPort, uuid, Ct);
        using var http = client.CreateHttpClient(TimeSpan.FromSeconds(5));
        try
        {
            return await http.GetStringAsync(url, Ct) == AnyHostHttpServer.Body;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<(bool Accepted, string Output)> TestAsync(string configJson)
    {
        var path = Path.Combine(directory.FullName, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, configJson, Ct);
        return await V2rayConfigTest.RunAsync(path);
    }

    private (string Certificate, string Key) WriteSelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=node.example.com", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var certificatePath = Path.Combine(directory.FullName, "tls.crt");
        var keyPath = Path.Combine(directory.FullName, "tls.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static (int Api, int Vless) TwoFreePorts()
    {
        var first = FreePort.Next();
        for (var i = 0; i < 10; i++)
        {
            var second = FreePort.Next();
            if (second != first)
            {
                return (first, second);
            }
        }
        throw new InvalidOperationException("Could not find two distinct free ports.");
    }
}

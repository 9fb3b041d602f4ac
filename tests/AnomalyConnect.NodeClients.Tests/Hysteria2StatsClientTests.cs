using AnomalyConnect.Testing.Hysteria2;
using AnomalyConnect.Testing.Kestrel;
using System.Net;
using AnomalyConnect.Integrations.Hysteria2;
using AnomalyConnect.Testing;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>The Hysteria2 stats client against a loopback fake of the documented stats API.</summary>
public sealed class Hysteria2StatsClientTests : IAsyncLifetime
{
    private const string Secret = "stats-secret-9f2c";
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(20));
    private readonly Hysteria2StatsClient client;
    private FakeHysteria2StatsServer server = null!;

    public Hysteria2StatsClientTests() => client = new Hysteria2StatsClient(http);

    private CancellationToken Ct => timeout.Token;

    public async Task InitializeAsync() => server = await FakeHysteria2StatsServer.StartAsync(Secret);

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        http.Dispose();
        timeout.Dispose();
    }

    [Fact]
    public async Task GetTrafficAsync_WhenServerHasCounters_ParsesTxAsUploadAndRxAsDownload()
    {
        server.SetTraffic("user-1", tx: 1200, rx: 5_000_000_000_000);
        server.SetTraffic("user-2", tx: 0, rx: 7);

        var traffic = await client.GetTrafficAsync(server.Url, Secret, Ct);

        Assert.Equal(2, traffic.Count);
        Assert.Equal(new Hysteria2Traffic(1200, 5_000_000_000_000), traffic["user-1"]);
        Assert.Equal(new Hysteria2Traffic(0, 7), traffic["user-2"]);
    }

    [Fact]
    public async Task GetTrafficAsync_WhenReadTwice_NeverClearsCounters()
    {
        server.SetTraffic("user-1", tx: 10, rx: 20);

        await client.GetTrafficAsync(server.Url, Secret, Ct);
        var again = await client.GetTrafficAsync(server.Url, Secret, Ct);

        Assert.Equal(new Hysteria2Traffic(10, 20), again["user-1"]);
        Assert.All(server.Requests, request => Assert.Equal("GET /traffic", request));
    }

    [Fact]
    public async Task GetTrafficAsync_WhenNoClients_ReturnsEmpty()
    {
        Assert.Empty(await client.GetTrafficAsync(server.Url, Secret, Ct));
    }

    [Fact]
    public async Task GetTrafficAsync_WhenSecretIsWrong_ThrowsHttpRequestExceptionWith401AndNoSecret()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetTrafficAsync(server.Url, "wrong-secret", Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("wrong-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTrafficAsync_WhenReplyIsNotTheDocumentedJson_ThrowsHttpRequestException()
    {
        server.TrafficOverride = "<html>oops</html>";

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetTrafficAsync(server.Url, Secret, Ct));

        server.TrafficOverride = """{"user-1": {"tx": "many"}}""";
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetTrafficAsync(server.Url, Secret, Ct));

        server.TrafficOverride = "[1, 2]";
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetTrafficAsync(server.Url, Secret, Ct));
    }

    [Fact]
    public async Task KickAsync_WhenGivenIds_PostsThemAsJsonArray()
    {
        server.SetOnline("user-1", 2);
        server.SetOnline("user-2", 1);

        await client.KickAsync(server.Url, Secret, ["user-1", "user-3"], Ct);

        var kick = Assert.Single(server.Kicks);
        Assert.Equal(["user-1", "user-3"], kick);
        Assert.Contains("POST /kick", server.Requests);
        Assert.Equal(new Dictionary<string, int> { ["user-2"] = 1 }, await client.GetOnlineAsync(server.Url, Secret, Ct));
    }

    [Fact]
    public async Task KickAsync_WhenNoIds_SendsNothing()
    {
        await client.KickAsync(server.Url, Secret, [], Ct);

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task KickAsync_WhenSecretIsWrong_ThrowsHttpRequestExceptionWith401()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.KickAsync(server.Url, "nope", ["user-1"], Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Empty(server.Kicks);
    }

    [Fact]
    public async Task GetOnlineAsync_WhenClientsConnected_ReturnsDevicesPerId()
    {
        server.SetOnline("user-1", 3);

        var online = await client.GetOnlineAsync(server.Url, Secret, Ct);

        Assert.Equal(3, online["user-1"]);
        Assert.Single(online);
    }

    [Fact]
    public async Task GetTrafficAsync_WhenStatsUrlHasPath_KeepsItAsPrefix()
    {
        var url = new Uri(server.Url, "/hy2/");

        // The fake serves only the root, so the prefix shows up as a 404 for /hy2/traffic.
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetTrafficAsync(url, Secret, Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("GET /hy2/traffic", Assert.Single(server.Requests));
    }

    [Fact]
    public async Task GetTrafficAsync_WhenPortClosed_ThrowsHttpRequestException()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetTrafficAsync(closed, Secret, Ct));
    }
}

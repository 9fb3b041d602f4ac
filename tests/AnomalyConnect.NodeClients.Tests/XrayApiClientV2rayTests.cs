using System.Diagnostics;
using AnomalyConnect.Integrations.Xray;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>The Xray API client against a real v2ray 4.34 node (a fresh node per test).</summary>
public sealed class XrayApiClientV2rayTests : IAsyncLifetime
{
    private const int PageBytes = 256 * 1024;
    private readonly HttpClient apiHttp = new(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private readonly XrayApiClient client;
    private V2rayServerNode node = null!;
    private LoopbackHttpServer web = null!;

    public XrayApiClientV2rayTests() => client = new XrayApiClient(apiHttp);

    private CancellationToken Ct => timeout.Token;

    public async Task InitializeAsync()
    {
        web = LoopbackHttpServer.Start();
        node = await V2rayServerNode.StartAsync(Ct);
    }

    public async Task DisposeAsync()
    {
        await node.DisposeAsync();
        await web.DisposeAsync();
        apiHttp.Dispose();
        timeout.Dispose();
    }

    [Fact]
    public async Task AddVlessUserAsync_WhenUserAdded_ClientFetchesPageThroughNode()
    {
        var (email, uuid) = NewUser();

        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);

        await using var vless = await V2rayVlessClient.StartAsync(node.VlessPort, uuid, Ct);
        using var http = vless.CreateHttpClient();
        var page = await http.GetByteArrayAsync(web.PageUrl(PageBytes), Ct);
        Assert.Equal(PageBytes, page.Length);
    }

    [Fact]
    public async Task QueryUserTrafficAsync_AfterTrafficThroughNode_DownlinkGrowsAndReadingDoesNotReset()
    {
        var (email, uuid) = NewUser();
        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);
        await using var vless = await V2rayVlessClient.StartAsync(node.VlessPort, uuid, Ct);
        using var http = vless.CreateHttpClient();

        await http.GetByteArrayAsync(web.PageUrl(PageBytes), Ct);
        var first = await TrafficOfAsync(email, atLeastDownlink: PageBytes);
        var again = await client.QueryUserTrafficAsync(node.Endpoint, Ct);
        await http.GetByteArrayAsync(web.PageUrl(PageBytes), Ct);
        var second = await TrafficOfAsync(email, atLeastDownlink: 2L * PageBytes);

        Assert.True(first.Uplink > 0, $"uplink {first.Uplink}");
        Assert.True(again[email].Downlink >= first.Downlink, "a read without reset must not zero the counter");
        Assert.True(second.Downlink >= first.Downlink + PageBytes, $"downlink {first.Downlink} -> {second.Downlink}");
    }

    [Fact]
    public async Task QueryUserTrafficAsync_WhenNoUserHadTraffic_ReturnsEmpty()
    {
        var (email, uuid) = NewUser();
        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);

        var traffic = await client.QueryUserTrafficAsync(node.Endpoint, Ct);

        Assert.Empty(traffic);
    }

    [Fact]
    public async Task AddVlessUserAsync_WhenUserAlreadyExists_Succeeds()
    {
        var (email, uuid) = NewUser();
        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);

        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);

        await using var vless = await V2rayVlessClient.StartAsync(node.VlessPort, uuid, Ct);
        using var http = vless.CreateHttpClient();
        Assert.Equal(1024, (await http.GetByteArrayAsync(web.PageUrl(1024), Ct)).Length);
    }

    [Fact]
    public async Task RemoveUserAsync_WhenUserRemoved_NewConnectionsFail()
    {
        var (email, uuid) = NewUser();
        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);
        await using var vless = await V2rayVlessClient.StartAsync(node.VlessPort, uuid, Ct);
        using var http = vless.CreateHttpClient(TimeSpan.FromSeconds(5));
        await http.GetByteArrayAsync(web.PageUrl(1024), Ct);

        await client.RemoveUserAsync(node.Endpoint, node.InboundTag, email, Ct);

        var served = web.PagesServed;
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetByteArrayAsync(web.PageUrl(1024), Ct));
        Assert.Equal(served, web.PagesServed);
    }

    [Fact]
    public async Task RemoveUserAsync_WhenUserAbsent_Succeeds()
    {
        var (email, uuid) = NewUser();
        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);
        await client.RemoveUserAsync(node.Endpoint, node.InboundTag, email, Ct);

        await client.RemoveUserAsync(node.Endpoint, node.InboundTag, email, Ct);
        await client.RemoveUserAsync(node.Endpoint, node.InboundTag, "never-added@test", Ct);
    }

    [Fact]
    public async Task AddVlessUserAsync_WhenInboundTagUnknown_ThrowsXrayApiExceptionWithStatusAndMessage()
    {
        var (email, uuid) = NewUser();

        var error = await Assert.ThrowsAsync<XrayApiException>(
            () => client.AddVlessUserAsync(node.Endpoint, "no-such-inbound", email, uuid, flow: null, Ct));

        Assert.Equal(2, error.GrpcStatus);
        Assert.Contains("no-such-inbound", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(uuid, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveUserAsync_WhenInboundTagUnknown_ThrowsXrayApiException()
    {
        var error = await Assert.ThrowsAsync<XrayApiException>(
            () => client.RemoveUserAsync(node.Endpoint, "no-such-inbound", "someone@test", Ct));

        Assert.Equal(2, error.GrpcStatus);
        Assert.Contains("not found", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenNodeRuns_AnswersUptime()
    {
        var stats = await client.GetSystemStatsAsync(node.Endpoint, Ct);

        Assert.InRange(stats.UptimeSeconds, 0u, 60u);
        Assert.True(stats.NumGoroutine > 0);
        Assert.True(stats.AllocBytes > 0);
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenApiPortClosed_ThrowsHttpRequestExceptionFast()
    {
        var closed = new XrayEndpoint(new Uri($"http://127.0.0.1:{FreePort.Next()}"), XrayFlavor.V2ray);
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetSystemStatsAsync(closed, Ct));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenNodeKilled_ThrowsHttpRequestException()
    {
        await client.GetSystemStatsAsync(node.Endpoint, Ct); // a pooled HTTP/2 connection to a core that then dies

        node.Kill();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetSystemStatsAsync(node.Endpoint, Ct));
    }

    [Fact]
    public async Task QueryUserTrafficAsync_AfterRestartEmpty_CountersAndUsersAreGoneAndUserCanBeAddedAgain()
    {
        var (email, uuid) = NewUser();
        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);
        await using var vless = await V2rayVlessClient.StartAsync(node.VlessPort, uuid, Ct);
        using var http = vless.CreateHttpClient(TimeSpan.FromSeconds(5));
        await http.GetByteArrayAsync(web.PageUrl(1024), Ct);
        Assert.NotEmpty(await client.QueryUserTrafficAsync(node.Endpoint, Ct));

        await node.RestartEmptyAsync(Ct);

        Assert.Empty(await client.QueryUserTrafficAsync(node.Endpoint, Ct));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetByteArrayAsync(web.PageUrl(1024), Ct));
        await client.AddVlessUserAsync(node.Endpoint, node.InboundTag, email, uuid, flow: null, Ct);
        Assert.Equal(1024, (await http.GetByteArrayAsync(web.PageUrl(1024), Ct)).Length);
    }

    private static (string Email, string Uuid) NewUser()
    {
        var uuid = Guid.NewGuid().ToString();
        return ($"user-{uuid[..8]}@test", uuid);
    }

    /// <summary>Counters move as bytes flow, so wait (boundedly) for the expected amount.</summary>
    private async Task<XrayUserTraffic> TrafficOfAsync(string email, long atLeastDownlink)
    {
        XrayUserTraffic? seen = null;
        var reached = await Eventually.TrueAsync(async () =>
        {
            var traffic = await client.QueryUserTrafficAsync(node.Endpoint, Ct);
            seen = traffic.GetValueOrDefault(email);
            return seen is not null && seen.Downlink >= atLeastDownlink;
        }, TimeSpan.FromSeconds(5));
        Assert.True(reached, $"downlink of {email} stayed at {seen?.Downlink} (< {atLeastDownlink})");
        return seen!;
    }
}

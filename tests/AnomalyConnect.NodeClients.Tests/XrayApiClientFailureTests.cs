using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AnomalyConnect.Integrations.Xray;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>Endpoints that stall or do not speak HTTP/2 at all: the client fails clearly and quickly, never hangs.</summary>
public sealed class XrayApiClientFailureTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task GetSystemStatsAsync_WhenServerNeverAnswers_ThrowsDeadlineExceededAfterHttpClientTimeout()
    {
        await using var server = await FakeGrpcServer.StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var http = new HttpClient(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(1) };
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<XrayApiException>(
            () => new XrayApiClient(http).GetSystemStatsAsync(server.Endpoint(XrayFlavor.Xray), CancellationToken.None));

        Assert.Equal(4, error.GrpcStatus);
        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenServerStallsAfterHeaders_ThrowsDeadlineExceededAfterHttpClientTimeout()
    {
        await using var server = await FakeGrpcServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 9 }, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = new HttpClient(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(1) };
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<XrayApiException>(
            () => new XrayApiClient(http).GetSystemStatsAsync(server.Endpoint(XrayFlavor.Xray), CancellationToken.None));

        Assert.Equal(4, error.GrpcStatus);
        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenCallerCancels_ThrowsOperationCanceled()
    {
        await using var server = await FakeGrpcServer.StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var http = new HttpClient(XrayApiClient.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new XrayApiClient(http).GetSystemStatsAsync(server.Endpoint(XrayFlavor.Xray), cancel.Token));

        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenServerSpeaksOnlyHttp1_ThrowsHttpRequestException()
    {
        await using var web = LoopbackHttpServer.Start();
        using var http = new HttpClient(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();

        // HttpClient may report this as HttpRequestException or a subclass of it (HttpProtocolException); either is the
        // transport failure callers handle. (This test once failed under a full parallel run with the exact-type check.)
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => new XrayApiClient(http).GetSystemStatsAsync(
            new XrayEndpoint(web.BaseAddress, XrayFlavor.V2ray), CancellationToken.None));

        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenServerSendsRawTcpJunk_ThrowsHttpRequestException()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var junk = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync(stop.Token);
            var stream = socket.GetStream();
            await stream.WriteAsync("SSH-2.0-OpenSSH_9.2 definitely not HTTP/2\r\n"u8.ToArray(), stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token);
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<HttpRequestException>(() => new XrayApiClient(http).GetSystemStatsAsync(
            new XrayEndpoint(new Uri($"http://127.0.0.1:{port}"), XrayFlavor.Xray), CancellationToken.None));

        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
        await stop.CancelAsync();
        await junk.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenApiUrlIsNotHttp_ThrowsArgumentException()
    {
        using var http = new HttpClient();

        await Assert.ThrowsAsync<ArgumentException>(() => new XrayApiClient(http).GetSystemStatsAsync(
            new XrayEndpoint(new Uri("ftp://127.0.0.1:21"), XrayFlavor.Xray), CancellationToken.None));
    }

    [Fact]
    public async Task AddVlessUserAsync_WhenServerRepliesAlreadyExists_Succeeds()
    {
        await using var server = await FakeGrpcServer.StartAsync(
            (context, _) => GrpcReplies.ErrorAsync(context, 2, "xray/proxy/vless: User g@test already exists."));
        using var http = new HttpClient(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };

        await new XrayApiClient(http).AddVlessUserAsync(
            server.Endpoint(XrayFlavor.Xray), "vless-reality", "g@test", Guid.NewGuid().ToString(), null, CancellationToken.None);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Kestrel;
using AnomalyConnect.Testing.V2ray;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AnomalyConnect.Reliability.Tests;

/// <summary>A node that does not answer, answers after 30 s, or answers garbage: unhealthy, users move, others unaffected.</summary>
public sealed class NodeFaultTests
{
    [Fact]
    public async Task DeadSlowAndGarbageNodes_BecomeUnhealthy_WhileTheHealthyNodeKeepsBeingPolledEverySecond()
    {
        await using var bed = await NodeTestBed.StartAsync();
        var good = await bed.StartNodeAsync();
        await using var slow = await LoopbackKestrel.StartAsync(
            app => app.MapPost("/{**path}", async (HttpContext context) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted)),
            HttpProtocols.Http2);
        using var garbage = GarbageServer.Start();

        await bed.RegisterAsync("node-good", good);
        await RegisterAsync(bed, "node-dead", $"http://127.0.0.1:{FreePort.Next()}");
        await RegisterAsync(bed, "node-slow", slow.Url.ToString());
        await RegisterAsync(bed, "node-garbage", $"http://127.0.0.1:{garbage.Port}");

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            foreach (var nodeId in new[] { "node-dead", "node-slow", "node-garbage" })
            {
                if ((await bed.Admin.GetAsync($"/admin/api/nodes/{nodeId}"))["health"]!.GetValue<string>() != "unhealthy")
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(20)), "the faulty nodes were not all marked unhealthy");

        // While the slow node holds probes for up to their timeout, the good node is still probed every second.
        var before = await LastCheckedAsync(bed, "node-good");
        await Task.Delay(TimeSpan.FromSeconds(4));
        var after = await LastCheckedAsync(bed, "node-good");
        Assert.True(after - before >= TimeSpan.FromSeconds(2), $"the healthy node was probed only {(after - before).TotalSeconds:0.0} s later");
        Assert.Equal("healthy", (await bed.Admin.GetAsync("/admin/api/nodes/node-good"))["health"]!.GetValue<string>());

        var (userId, uuid) = await bed.CreateUserAsync();
        var nodes = (await bed.UserAsync(userId))["nodes"]!.AsArray();
        Assert.Equal("node-good", Assert.Single(nodes)!["node_id"]!.GetValue<string>());
        Assert.True(await bed.EventuallyFetchAsync(good, uuid, expected: true));
        Assert.True(await Eventually.TrueAsync(
            async () => (await bed.UserAsync(userId))["used_download_bytes"]!.GetValue<long>() >= NodeTestBed.PageBytes,
            TimeSpan.FromSeconds(5)), "traffic on the healthy node was not counted in time");
    }

    private static Task<JsonObject> RegisterAsync(NodeTestBed bed, string nodeId, string apiUrl) =>
        bed.Admin.PostAsync("/admin/api/nodes", new
        {
            id = nodeId,
            name = nodeId,
            region = "eu",
            address = "127.0.0.1",
            capacity = 100,
            xray = new { api_url = apiUrl, flavor = "v2ray", inbound_tag = "vless-in", port = 443, security = "none" },
        });

    private static async Task<DateTimeOffset> LastCheckedAsync(NodeTestBed bed, string nodeId) =>
        DateTimeOffset.Parse((await bed.Admin.GetAsync($"/admin/api/nodes/{nodeId}"))["last_checked_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Accepts TCP connections and answers each with bytes that are neither HTTP/2 nor gRPC.</summary>
    private sealed class GarbageServer : IDisposable
    {
        private readonly TcpListener listener;
        private readonly CancellationTokenSource stop = new();

        private GarbageServer(TcpListener listener) => this.listener = listener;

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public static GarbageServer Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var server = new GarbageServer(listener);
            _ = server.AcceptAsync();
            return server;
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    await client.GetStream().WriteAsync("HELLO THIS IS NOT GRPC \u0000\u0001\u0002 garbage garbage\r\n\r\n"u8.ToArray(), stop.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
                {
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }
        }
    }
}

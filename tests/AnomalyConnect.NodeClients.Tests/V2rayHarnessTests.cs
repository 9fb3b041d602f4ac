using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>The real-v2ray harness itself: valid configs, processes that stop, a page server that serves.</summary>
public sealed class V2rayHarnessTests
{
    [Fact]
    public async Task StartAsync_WhenStarted_WritesAConfigThatV2rayAccepts()
    {
        await using var node = await V2rayServerNode.StartAsync();

        var test = Process.Start(new ProcessStartInfo("/usr/bin/v2ray", ["-test", "-config", node.ConfigPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using (test)
        {
            var output = await test.StandardOutput.ReadToEndAsync();
            Assert.True(test.WaitForExit(15_000), "v2ray -test did not finish");
            Assert.True(test.ExitCode == 0, output);
        }
        Assert.True(node.IsRunning);
        Assert.NotEqual(node.ApiPort, node.VlessPort);
    }

    [Fact]
    public async Task Stop_WhenCalled_EndsTheProcessAndClosesTheApiPort()
    {
        await using var node = await V2rayServerNode.StartAsync();

        node.Stop();

        Assert.False(node.IsRunning);
        using var socket = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, node.ApiPort));
    }

    [Fact]
    public async Task PageUrl_WhenFetched_ServesTheRequestedNumberOfBytes()
    {
        await using var web = LoopbackHttpServer.Start();
        using var http = new HttpClient();

        Assert.Equal(LoopbackHttpServer.DefaultPageBytes, (await http.GetByteArrayAsync(new Uri(web.BaseAddress, "/page"))).Length);
        Assert.Equal(12_345, (await http.GetByteArrayAsync(web.PageUrl(12_345))).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(web.BaseAddress, "/other"))).StatusCode);
        Assert.Equal(2, web.PagesServed);
    }
}

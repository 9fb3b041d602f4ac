using System.Security.Cryptography.X509Certificates;
using AnomalyConnect.Integrations.Xray;
using AnomalyConnect.Integrations.Xray.Protos.Stats;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>
/// <see cref="XrayApiClient.CreateHandler"/> against an HTTP/2-over-TLS server that requires a client certificate,
/// as the node-side nginx does.
/// </summary>
public sealed class XrayApiClientMutualTlsTests : IDisposable
{
    private readonly X509Certificate2 nodeCa = TestCertificates.CreateCa("node CA");
    private readonly X509Certificate2 controlCa = TestCertificates.CreateCa("control CA");
    private readonly X509Certificate2 clientCertificate;
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(20));
    private string? presentedThumbprint;

    public XrayApiClientMutualTlsTests() => clientCertificate = TestCertificates.IssueClient(controlCa);

    public void Dispose()
    {
        nodeCa.Dispose();
        controlCa.Dispose();
        clientCertificate.Dispose();
        timeout.Dispose();
    }

    [Fact]
    public async Task CreateHandler_WhenServerChainsToPinnedCa_CallSucceedsAndPresentsClientCertificate()
    {
        using var serverCertificate = TestCertificates.IssueServer(nodeCa);
        await using var server = await StartNodeAsync(serverCertificate);
        using var http = new HttpClient(XrayApiClient.CreateHandler(clientCertificate, nodeCa));

        var stats = await new XrayApiClient(http).GetSystemStatsAsync(server.Endpoint(XrayFlavor.Xray), timeout.Token);

        Assert.Equal(77u, stats.UptimeSeconds);
        Assert.Equal(clientCertificate.Thumbprint, presentedThumbprint);
    }

    [Fact]
    public async Task CreateHandler_WhenServerCertificateIsFromAnotherCa_CallFails()
    {
        using var strangerCa = TestCertificates.CreateCa("stranger CA");
        using var serverCertificate = TestCertificates.IssueServer(strangerCa);
        await using var server = await StartNodeAsync(serverCertificate);
        using var http = new HttpClient(XrayApiClient.CreateHandler(clientCertificate, nodeCa));

        await Assert.ThrowsAsync<HttpRequestException>(
            () => new XrayApiClient(http).GetSystemStatsAsync(server.Endpoint(XrayFlavor.Xray), timeout.Token));
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task CreateHandler_WhenServerCertificateNamesAnotherHost_CallFails()
    {
        using var serverCertificate = TestCertificates.IssueServerFor(nodeCa, "node.example");
        await using var server = await StartNodeAsync(serverCertificate);
        using var http = new HttpClient(XrayApiClient.CreateHandler(clientCertificate, nodeCa));

        await Assert.ThrowsAsync<HttpRequestException>(
            () => new XrayApiClient(http).GetSystemStatsAsync(server.Endpoint(XrayFlavor.Xray), timeout.Token));
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task CreateHandler_WithoutPinnedCa_RejectsServerTheMachineDoesNotTrust()
    {
        using var serverCertificate = TestCertificates.IssueServer(nodeCa);
        await using var server = await StartNodeAsync(serverCertificate);
        using var http = new HttpClient(XrayApiClient.CreateHandler(clientCertificate));

        await Assert.ThrowsAsync<HttpRequestException>(
            () => new XrayApiClient(http).GetSystemStatsAsync(server.Endpoint(XrayFlavor.Xray), timeout.Token));
    }

    private Task<FakeGrpcServer> StartNodeAsync(X509Certificate2 serverCertificate) =>
        FakeGrpcServer.StartAsync(
            (context, _) =>
            {
                presentedThumbprint = context.Connection.ClientCertificate?.Thumbprint;
                return GrpcReplies.OkAsync(context, new SysStatsResponse { Uptime = 77 });
            },
            https =>
            {
                https.ServerCertificate = serverCertificate;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                // The real check belongs to nginx; here it is enough that a certificate was presented.
                https.ClientCertificateValidation = (certificate, _, _) => certificate is not null;
            });
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using AnomalyConnect.Deploy.Tests.Support;
using AnomalyConnect.Integrations.Hysteria2;
using AnomalyConnect.Integrations.Xray;

namespace AnomalyConnect.Deploy.Tests;

/// <summary>
/// End to end through a node's mTLS nginx with the product's own clients: the control server's client certificate passes,
/// no certificate, another CA's certificate or a node's certificate does not, and nothing reaches the APIs behind.
/// </summary>
public sealed class NodeManagementTests(NodeManagementFixture node) : IClassFixture<NodeManagementFixture>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task XrayApi_WhenCalledWithTheControlCertificate_AnswersThroughNginx()
    {
        using var client = node.Pki.LoadClientCertificate();
        using var ca = node.Pki.LoadCaCertificate();
        using var http = Client(client, ca);

        var stats = await new XrayApiClient(http).GetSystemStatsAsync(new XrayEndpoint(node.ManagementUrl, XrayFlavor.V2ray), Timeout());

        Assert.True(stats.NumGoroutine > 0, "GetSysStats came back without the core's figures.");
    }

    [Fact]
    public async Task HysteriaStats_WhenCalledWithTheControlCertificate_ReachTheApiWithoutThePrefix()
    {
        using var client = node.Pki.LoadClientCertificate();
        using var ca = node.Pki.LoadCaCertificate();
        using var http = Client(client, ca);

        var traffic = await new Hysteria2StatsClient(http).GetTrafficAsync(new Uri(node.ManagementUrl, "/hy2"), NodeManagementFixture.StatsSecret, Timeout());

        Assert.Equal(new Hysteria2Traffic(123, 456), traffic["user-1"]);
        Assert.Contains("GET /traffic", node.Stats.Requests);
    }

    [Fact]
    public async Task Management_WhenNoClientCertificateIsPresented_IsRefused()
    {
        using var ca = node.Pki.LoadCaCertificate();
        using var http = Client(null, ca);

        await AssertRefusedAsync(http, "no-certificate");
    }

    [Fact]
    public async Task Management_WhenTheCertificateIsFromAnotherCa_IsRefused()
    {
        using var stranger = node.StrangerPki.LoadClientCertificate();
        using var ca = node.Pki.LoadCaCertificate();
        using var http = Client(stranger, ca);

        await AssertRefusedAsync(http, "other-ca");
    }

    [Fact]
    public async Task Management_WhenANodeCertificateIsPresentedAsAClient_IsRefused()
    {
        using var nodeCertificate = node.Pki.LoadNodeCertificateAsClient(NodeManagementFixture.NodeId);
        using var ca = node.Pki.LoadCaCertificate();
        using var http = Client(nodeCertificate, ca);

        await AssertRefusedAsync(http, "node-certificate");
    }

    [Fact]
    public async Task Management_WhenTheServerCertificateIsCheckedAgainstTheCa_IsTrusted()
    {
        using var client = node.Pki.LoadClientCertificate();
        using var strangerCa = node.StrangerPki.LoadCaCertificate();
        using var http = Client(client, strangerCa);

        await Assert.ThrowsAsync<HttpRequestException>(
            () => new XrayApiClient(http).GetSystemStatsAsync(new XrayEndpoint(node.ManagementUrl, XrayFlavor.V2ray), Timeout()));
    }

    /// <summary>Neither API answers, and the stats stand-in never sees the request.</summary>
    private async Task AssertRefusedAsync(HttpClient http, string marker)
    {
        var xray = await Record.ExceptionAsync(
            () => new XrayApiClient(http).GetSystemStatsAsync(new XrayEndpoint(node.ManagementUrl, XrayFlavor.V2ray), Timeout()));
        Assert.True(xray is XrayApiException or HttpRequestException, $"Xray's API answered without a valid client certificate: {xray}");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.ManagementUrl, "/hy2/traffic?m=" + marker));
        request.Headers.TryAddWithoutValidation("Authorization", NodeManagementFixture.StatsSecret);
        var status = await StatusOrNullAsync(http, request);
        Assert.True(status is null or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"/hy2/ answered {status}.");
        Assert.DoesNotContain(node.Stats.Requests, r => r.Contains(marker, StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode?> StatusOrNullAsync(HttpClient http, HttpRequestMessage request)
    {
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static HttpClient Client(X509Certificate2? clientCertificate, X509Certificate2 pinnedCa) =>
        new(XrayApiClient.CreateHandler(clientCertificate, pinnedCa)) { Timeout = CallTimeout };

    private static CancellationToken Timeout() => new CancellationTokenSource(CallTimeout).Token;
}

using System.Net;
using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

public sealed class ControlNginxTests(ControlNginxFixture nginx) : IClassFixture<ControlNginxFixture>
{
    [Fact]
    public async Task Http_WhenAcmeChallengeIsRequested_ServesItFromTheCertbotWebroot()
    {
        using var http = LoopbackHttp.Create();

        using var response = await http.GetAsync(nginx.Http("/.well-known/acme-challenge/" + ControlNginxFixture.AcmeToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("challenge-answer", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http_WhenAnythingElseIsRequested_RedirectsToHttpsOfTheDomain()
    {
        using var http = LoopbackHttp.Create();

        using var response = await http.GetAsync(nginx.Http("/sub/abc?format=clash"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"https://{ControlNginxSite.Domain}/sub/abc?format=clash", response.Headers.Location?.ToString());
        Assert.DoesNotContain(nginx.Backend.Requests, r => r.Path == "/sub/abc");
    }

    [Fact]
    public async Task Https_WhenAPublicPathIsRequested_ProxiesWithForwardedHeadersAndSecurityHeaders()
    {
        using var http = LoopbackHttp.Create();
        using var request = new HttpRequestMessage(HttpMethod.Get, nginx.Https("/healthz?probe=1"));
        request.Headers.Add("X-Forwarded-For", "6.6.6.6");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("backend:/healthz", await response.Content.ReadAsStringAsync());
        var seen = Assert.Single(nginx.Backend.Requests, r => r.Path == "/healthz" && r.Query == "?probe=1");
        Assert.Equal("127.0.0.1", seen.Header("X-Forwarded-For"));
        Assert.Equal("127.0.0.1", seen.Header("X-Real-IP"));
        Assert.Equal("https", seen.Header("X-Forwarded-Proto"));
        Assert.StartsWith(ControlNginxSite.Domain, seen.Header("Host"), StringComparison.Ordinal);
        Assert.Equal("max-age=31536000", Single(response, "Strict-Transport-Security"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Https_WhenServed_UsesThePlaceholderCertificateOfTheDomainOverTls12OrLater()
    {
        var protocol = System.Security.Authentication.SslProtocols.None;
        string? subject = null;
        var handler = new SocketsHttpHandler { UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, _, _) =>
        {
            protocol = ((System.Net.Security.SslStream)sender).SslProtocol;
            subject = certificate?.Subject;
            return true;
        };
        handler.SslOptions.TargetHost = ControlNginxSite.Domain;
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };

        using var response = await http.GetAsync(new Uri($"https://127.0.0.1:{nginx.HttpsPort}/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"CN={ControlNginxSite.Domain}", subject);
        Assert.True(protocol >= System.Security.Authentication.SslProtocols.Tls12, $"negotiated {protocol}");
        Assert.True(File.Exists(nginx.Prefix.PathFor($"/etc/letsencrypt/live/{ControlNginxSite.Domain}/PLACEHOLDER")));
    }

    [Fact]
    public async Task Admin_WhenTheClientIsOnTheAllowlist_ProxiesWithAContentSecurityPolicy()
    {
        using var http = LoopbackHttp.Create(ControlNginxFixture.AdminAddress);

        using var response = await http.GetAsync(nginx.Https("/admin/api/nodes"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("max-age=31536000", Single(response, "Strict-Transport-Security"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Admin_WhenTheClientIsNotOnTheAllowlist_IsForbiddenBeforeReachingTheApi()
    {
        using var http = LoopbackHttp.Create("127.0.0.1");

        using var admin = await http.GetAsync(nginx.Https("/admin/login-outside"));
        using var metrics = await http.GetAsync(nginx.Https("/metrics"));

        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, metrics.StatusCode);
        Assert.DoesNotContain(nginx.Backend.Requests, r => r.Path == "/admin/login-outside");
    }

    [Fact]
    public async Task Metrics_WhenTheClientIsOnTheAllowlist_IsProxied()
    {
        using var http = LoopbackHttp.Create(ControlNginxFixture.AdminAddress);

        using var response = await http.GetAsync(nginx.Https("/metrics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("backend:/metrics", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Subscriptions_WhenOneClientFloodsThem_AreLimitedWith429()
    {
        using var http = LoopbackHttp.Create("127.0.0.3");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 60; i++)
        {
            using var response = await http.GetAsync(nginx.Https("/sub/flood-token"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(statuses, s => s is not (HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task HysteriaAuth_WhenANodeCalls_IsProxiedToTheApi()
    {
        using var http = LoopbackHttp.Create("127.0.0.4");

        using var response = await http.PostAsync(
            nginx.Https("/hysteria/auth/node-eu-1?secret=s3cr3t"),
            new StringContent("""{"addr":"203.0.113.9:5000","auth":"x","tx":0}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(nginx.Backend.Requests, r => r.Path == "/hysteria/auth/node-eu-1" && r.Query == "?secret=s3cr3t");
    }

    [Fact]
    public async Task Webhooks_WhenTheBodyIsTooLarge_AreRefusedWith413()
    {
        using var http = LoopbackHttp.Create("127.0.0.5");

        using var response = await http.PostAsync(nginx.Https("/webhooks/hr-events"), new ByteArrayContent(new byte[2 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(nginx.Backend.Requests, r => r.Path == "/webhooks/hr-events");
    }

    [Fact]
    public async Task AccessLog_WhenASubscriptionIsFetched_KeepsNeitherTheTokenNorTheQuery()
    {
        using var http = LoopbackHttp.Create("127.0.0.6");
        using var response = await http.GetAsync(nginx.Https("/sub/very-secret-token-77?format=links"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var log = await File.ReadAllTextAsync(nginx.Prefix.PathFor("/var/log/nginx/access.log"));

        Assert.Contains("/sub/<token>", log, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-token-77", log, StringComparison.Ordinal);
        Assert.DoesNotContain("secret=s3cr3t", log, StringComparison.Ordinal);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}

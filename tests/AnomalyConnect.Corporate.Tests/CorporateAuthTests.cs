using System.Net;
using System.Text;
using AnomalyConnect.Api.Apis.Corporate;
using AnomalyConnect.Corporate.Tests.Support;

namespace AnomalyConnect.Corporate.Tests;

/// <summary>The corporate secret and the webhook signature: 401 without them, 429 after repeated failures, never logged.</summary>
public sealed class CorporateAuthTests
{
    private static readonly (string Method, string Path)[] CorporateEndpoints =
    [
        ("POST", "/access/grant"), ("GET", "/user/u-1/config"), ("GET", "/user/u-1/qr.png"), ("POST", "/user/u-1/deactivate"),
    ];

    [Fact]
    public async Task CorporateApiAndWebhook_WithoutValidCredentials_Are401ThenRateLimitedAndChangeNothing()
    {
        await using var silo = await CorporateSilo.StartAsync();
        var before = await silo.SnapshotAsync();
        const string wrongSecret = "wrong-corporate-secret-guess";

        // 4 endpoints without the header, 4 with a wrong secret, 2 webhooks without a valid signature: 10 failures.
        foreach (var secret in new[] { null, wrongSecret })
        {
            foreach (var (method, path) in CorporateEndpoints)
            {
                var response = await SendAsync(silo, method, path, secret, """{"employee_id":"E-1"}""");
                await CorporateApiInputTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "X-Corporate-Secret");
            }
        }
        var body = CorporateSilo.HrEventJson("auth-1", "employee.hired", "E-1", DateTimeOffset.UtcNow);
        await CorporateApiInputTests.AssertProblemAsync(await PostSignedAsync(silo, body, null), HttpStatusCode.Unauthorized, "X-Signature");
        await CorporateApiInputTests.AssertProblemAsync(
            await PostSignedAsync(silo, body, HrSignature.Sign("not-the-webhook-secret", Encoding.UTF8.GetBytes(body))), HttpStatusCode.Unauthorized, "X-Signature");

        // The address is now refused for a while, even with the right secret or signature.
        var limited = await SendAsync(silo, "POST", "/access/grant", CorporateSilo.CorporateSecret, """{"employee_id":"E-1"}""");
        await CorporateApiInputTests.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "try again");
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        await CorporateApiInputTests.AssertProblemAsync(await silo.PostHrEventAsync(body), HttpStatusCode.TooManyRequests, "try again");

        Assert.Equal(before, await silo.SnapshotAsync());
        Assert.DoesNotContain(wrongSecret, silo.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(CorporateSilo.CorporateSecret, silo.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(CorporateSilo.WebhookSecret, silo.Process.Output, StringComparison.Ordinal);
        Assert.True(await AnomalyConnect.Testing.Eventually.TrueAsync(
            () => Task.FromResult(silo.Process.Output.Contains("refused: wrong or missing X-Corporate-Secret", StringComparison.Ordinal)), TimeSpan.FromSeconds(5)),
            "the refusals were not logged");
    }

    private static Task<HttpResponseMessage> SendAsync(CorporateSilo silo, string method, string path, string? secret, string body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new StringContent(body, Encoding.UTF8, "application/json") : null,
        };
        if (secret is not null)
        {
            request.Headers.Add(CorporateSecretFilter.HeaderName, secret);
        }
        return silo.Anonymous.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostSignedAsync(CorporateSilo silo, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/hr-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(HrSignature.HeaderName, signature);
        }
        return silo.Anonymous.SendAsync(request);
    }
}

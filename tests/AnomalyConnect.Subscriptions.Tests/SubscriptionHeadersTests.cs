using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AnomalyConnect.Subscriptions.Tests.Support;

namespace AnomalyConnect.Subscriptions.Tests;

/// <summary>The headers apps read from a subscription, against a real silo.</summary>
[Collection(SubscriptionSiloCollection.Name)]
public sealed class SubscriptionHeadersTests(SubscriptionSilo silo)
{
    private const long FiveGiB = 5L * 1024 * 1024 * 1024;

    [Fact]
    public async Task GetSubscription_ForAUserWithALimitAndAnExpiry_SendsTheirUsageLimitAndExpiry()
    {
        var user = await silo.CreateUserAsync(days: 30, trafficLimitBytes: FiveGiB);
        var expiresAt = DateTimeOffset.Parse((await silo.Admin.GetUserAsync(user.UserId)).GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture);

        using var response = await silo.Subscriptions.FetchAsync(user.Token);

        Assert.Equal($"upload=0; download=0; total={FiveGiB}; expire={expiresAt.ToUnixTimeSeconds()}", Header(response, "subscription-userinfo"));
        Assert.Equal("12", Header(response, "profile-update-interval"));
        Assert.Equal("base64:" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Anomaly Connect")), Header(response, "profile-title"));
        Assert.Equal(SubscriptionSilo.SupportUrl, Header(response, "support-url"));
        Assert.Equal("attachment; filename=\"Anomaly Connect.txt\"", Header(response, "content-disposition"));
        Assert.Equal("no-store", Header(response, "cache-control"));
    }

    [Fact]
    public async Task GetSubscription_ForAUserWithoutLimitOrExpiry_SendsTotalZeroAndNoExpire()
    {
        var user = await silo.CreateUserAsync(days: null);

        using var response = await silo.Subscriptions.FetchAsync(user.Token);

        Assert.Equal("upload=0; download=0; total=0", Header(response, "subscription-userinfo"));
    }

    [Fact]
    public async Task GetSubscription_WhenTheFormatIsClash_NamesTheDownloadAsYaml()
    {
        var user = await silo.CreateUserAsync();

        using var response = await silo.Subscriptions.FetchAsync(user.Token, format: "clash");

        Assert.Equal("attachment; filename=\"Anomaly Connect.yaml\"", Header(response, "content-disposition"));
    }

    [Fact]
    public async Task HeadSubscription_ForAUser_SendsTheHeadersAndNoBody()
    {
        var user = await silo.CreateUserAsync(days: 30, trafficLimitBytes: FiveGiB);
        using var get = await silo.Subscriptions.FetchAsync(user.Token);

        var (head, bytesAfterHeaders) = await RawHeadAsync(silo.Subscriptions.BaseAddress, $"/sub/{user.Token}");

        Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);
        Assert.Contains($"subscription-userinfo: {Header(get, "subscription-userinfo")}", head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("profile-update-interval: 12", head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content-disposition: attachment", head, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, bytesAfterHeaders);
    }

    [Fact]
    public async Task HeadSubscription_ForAnUnknownToken_Returns404()
    {
        using var response = await silo.Subscriptions.FetchAsync("no-such-token-0123456789", method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"no {name} header; got {response.Headers} {response.Content.Headers}");

    /// <summary>A HEAD on a raw connection, so that a body the server wrongly sent would be seen.</summary>
    private static async Task<(string Head, int BytesAfterHeaders)> RawHeadAsync(Uri baseAddress, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = client.GetStream();
        var request = $"HEAD {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nUser-Agent: v2rayNG/1.9.16\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(received, timeout.Token);
        var bytes = received.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, $"no end of headers in: {Encoding.UTF8.GetString(bytes)}");
        return (Encoding.ASCII.GetString(bytes, 0, end), bytes.Length - (end + 4));
    }
}

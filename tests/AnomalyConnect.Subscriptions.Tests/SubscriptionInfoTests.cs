using System.Globalization;
using System.Net;
using System.Text.Json;
using AnomalyConnect.Subscriptions.Tests.Support;

namespace AnomalyConnect.Subscriptions.Tests;

/// <summary>GET /sub/{token}/info against a real silo.</summary>
[Collection(SubscriptionSiloCollection.Name)]
public sealed class SubscriptionInfoTests(SubscriptionSilo silo)
{
    [Fact]
    public async Task GetInfo_ForAUser_ReturnsStatusUsageAndDevicesWithoutCredentials()
    {
        var user = await silo.CreateUserAsync(days: 10, trafficLimitBytes: 1_000_000_000, deviceLimit: 2);
        var (uuid, auth) = await silo.CredentialsAsync(user.UserId);
        await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "phone");

        using var response = await silo.Subscriptions.InfoAsync(user.Token);
        var body = await response.Content.ReadAsStringAsync();
        var info = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.UserId, info.GetProperty("user_id").GetString());
        Assert.Equal("active", info.GetProperty("status").GetString());
        Assert.Equal(
            DateTimeOffset.Parse(user.Json.GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture),
            info.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal((0, 0, 1_000_000_000), (info.GetProperty("used_upload_bytes").GetInt64(), info.GetProperty("used_download_bytes").GetInt64(), info.GetProperty("traffic_limit_bytes").GetInt64()));
        Assert.Equal((1, 2), (info.GetProperty("devices").GetInt32(), info.GetProperty("device_limit").GetInt32()));
        Assert.DoesNotContain(uuid, body, StringComparison.Ordinal);
        Assert.DoesNotContain(auth, body, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Token, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInfo_WhenTheTokenIsUnknown_Returns404ProblemDetails()
    {
        using var response = await silo.Subscriptions.InfoAsync("AbCdEfGhIjKlMnOpQrStUvWxYz012345");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

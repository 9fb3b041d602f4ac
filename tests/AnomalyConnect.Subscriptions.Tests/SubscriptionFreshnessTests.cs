using System.Net;
using System.Text.Json;
using AnomalyConnect.Subscriptions.Tests.Support;

namespace AnomalyConnect.Subscriptions.Tests;

/// <summary>
/// Subscriptions are served from the silo's memory; these prove that a change committed by another process (here,
/// the test process writing the database as a node turn or another silo would) reaches the next fetches.
/// </summary>
[Collection(SubscriptionSiloCollection.Name)]
public sealed class SubscriptionFreshnessTests(SubscriptionSilo silo)
{
    private static readonly TimeSpan NotificationDelay = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task GetSubscription_AfterAnotherProcessCountsTraffic_SendsTheNewUsage()
    {
        var user = await silo.CreateUserAsync(days: 30);
        await ListeningAsync(user.Token);
        using (var first = await silo.Subscriptions.FetchAsync(user.Token))
        {
            Assert.StartsWith("upload=0; download=0;", UserInfo(first), StringComparison.Ordinal);
        }

        await silo.Database.ScalarAsync<long>(
            "UPDATE user_traffic SET upload_bytes = 1234, download_bytes = 56789, updated_at = now() WHERE user_id = $1 RETURNING upload_bytes",
            user.UserId);

        var seen = await Poll.ValueAsync(async () =>
        {
            using var response = await silo.Subscriptions.FetchAsync(user.Token);
            return UserInfo(response);
        }, info => info.StartsWith("upload=1234; download=56789;", StringComparison.Ordinal), NotificationDelay);
        Assert.StartsWith("upload=1234; download=56789;", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInfo_AfterAnotherProcessDisablesTheUser_SaysDisabled()
    {
        var user = await silo.CreateUserAsync(days: 30);
        await ListeningAsync(user.Token);
        Assert.Equal("active", await StatusAsync(user.Token));

        await silo.Database.ScalarAsync<long>(
            """
            UPDATE grain_state SET state = jsonb_set(state, '{status}', '"disabled"'), version = version + 1
            WHERE grain_type = 'user' AND grain_key = $1 RETURNING version
            """,
            user.UserId);

        var status = await Poll.ValueAsync(() => StatusAsync(user.Token), s => s == "disabled", NotificationDelay);
        Assert.Equal("disabled", status);
    }

    [Fact]
    public async Task GetSubscription_AfterAnotherProcessDeletesTheUser_Returns404()
    {
        var user = await silo.CreateUserAsync(days: 30);
        await ListeningAsync(user.Token);
        using (var first = await silo.Subscriptions.FetchAsync(user.Token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await silo.Database.ScalarAsync<long>(
            "UPDATE grain_state SET state = NULL, version = version + 1 WHERE grain_type = 'user' AND grain_key = $1 RETURNING version",
            user.UserId);

        var code = await Poll.ValueAsync(async () =>
        {
            using var response = await silo.Subscriptions.FetchAsync(user.Token);
            return response.StatusCode;
        }, c => c == HttpStatusCode.NotFound, NotificationDelay);
        Assert.Equal(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task GetSubscription_AfterARevokeThroughThisSilo_Returns404AtOnce()
    {
        var user = await silo.CreateUserAsync(days: 30);
        await ListeningAsync(user.Token);
        using (var first = await silo.Subscriptions.FetchAsync(user.Token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await silo.Admin.ActAsync(user.UserId, "revoke");
        using var after = await silo.Subscriptions.FetchAsync(user.Token);

        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    /// <summary>
    /// The silo starts listening at its first subscription lookup and keeps nothing in memory until it listens, so
    /// the tests wait for that first: otherwise they could pass by reading the database every time.
    /// </summary>
    private async Task ListeningAsync(string token)
    {
        using (await silo.Subscriptions.FetchAsync(token))
        {
        }
        var listening = await Poll.ValueAsync(
            () => Task.FromResult(silo.Silo.Output.Contains("Listening for user changes", StringComparison.Ordinal)), seen => seen);
        Assert.True(listening, "the silo never said it listens for user changes");
    }

    private async Task<string?> StatusAsync(string token)
    {
        using var response = await silo.Subscriptions.InfoAsync(token);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString();
    }

    private static string UserInfo(HttpResponseMessage response) =>
        response.Headers.TryGetValues("subscription-userinfo", out var values) ? string.Join(", ", values) : "";
}

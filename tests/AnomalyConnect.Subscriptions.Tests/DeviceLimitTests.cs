using System.Net;
using System.Net.Http.Headers;
using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Subscriptions.Tests.Support;

namespace AnomalyConnect.Subscriptions.Tests;

/// <summary>The device limit, enforced on subscription fetches by x-hwid, against a real silo.</summary>
[Collection(SubscriptionSiloCollection.Name)]
public sealed class DeviceLimitTests(SubscriptionSilo silo)
{
    private const string LimitNote = "Device limit reached (1 of 1) — remove a device in the bot";

    [Fact]
    public async Task GetSubscription_WhenASecondDeviceExceedsALimitOfOne_ServesTheDeviceLimitNoteAndNoLinks()
    {
        var user = await silo.CreateUserAsync(deviceLimit: 1);
        var (uuid, _) = await silo.CredentialsAsync(user.UserId);

        var phone = await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "phone-1");
        using var laptopResponse = await silo.Subscriptions.FetchAsync(user.Token, format: "links", hwid: "laptop-1");
        var laptopBody = await laptopResponse.Content.ReadAsStringAsync();
        var phoneAgain = await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "phone-1");

        Assert.Equal(4, phone.Count);
        Assert.Equal(HttpStatusCode.OK, laptopResponse.StatusCode);
        var placeholder = Assert.IsType<VlessRealityLink>(ParseSingle(laptopBody));
        Assert.Equal(LimitNote, placeholder.Name);
        Assert.DoesNotContain(uuid, laptopBody, StringComparison.Ordinal);
        Assert.Equal(4, phoneAgain.Count);
    }

    [Fact]
    public async Task GetSubscription_WhenAKnownDeviceFetchesAgainSoon_TakesNoLockAndWritesNothing()
    {
        var user = await silo.CreateUserAsync(deviceLimit: 1);
        await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "phone");
        var before = await DevicesVersionAsync(user.UserId);

        for (var n = 0; n < 5; n++)
        {
            Assert.Equal(4, (await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "phone")).Count);
        }

        Assert.Equal(before, await DevicesVersionAsync(user.UserId));
    }

    [Fact]
    public async Task GetSubscription_WhenTwoNewDevicesRaceForTheLastSlot_ExactlyOneGetsIt()
    {
        for (var round = 0; round < 5; round++)
        {
            var user = await silo.CreateUserAsync(deviceLimit: 2);
            await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "first");

            var racers = await Task.WhenAll(
                silo.Subscriptions.FetchLinksAsync(user.Token, hwid: $"racer-a-{round}"),
                silo.Subscriptions.FetchLinksAsync(user.Token, hwid: $"racer-b-{round}"));

            Assert.Equal(1, racers.Count(links => links.Count == 4));
            Assert.Equal(1, racers.Count(links => links is [VlessRealityLink { Host: "127.0.0.1" }]));
            Assert.Equal(2, (await silo.Admin.GetDevicesAsync(user.UserId)).GetProperty("devices").GetArrayLength());
        }
    }

    [Fact]
    public async Task DeleteDevice_WhenTheDeviceIsRemoved_FreesItsSlotForANewDevice()
    {
        var user = await silo.CreateUserAsync(deviceLimit: 1);
        await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "old-phone");
        var refused = await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "new-phone");

        using var removal = await silo.Admin.DeleteDeviceAsync(user.UserId, "old-phone");
        var admitted = await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "new-phone");
        var oldPhone = await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "old-phone");

        Assert.Single(refused);
        Assert.Equal(HttpStatusCode.NoContent, removal.StatusCode);
        Assert.Equal(4, admitted.Count);
        Assert.Equal(LimitNote, Assert.Single(oldPhone).Name);
    }

    [Fact]
    public async Task GetSubscription_WhenTheAppSendsNoHwid_IsServedDespiteAFullLimitAndIsLogged()
    {
        var user = await silo.CreateUserAsync(deviceLimit: 1);
        await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "phone");
        Assert.Single(await silo.Subscriptions.FetchLinksAsync(user.Token, hwid: "tablet"));

        using var anonymous = await silo.Subscriptions.FetchAsync(user.Token, format: "base64", userAgent: "OldApp/0.9");
        var links = SubscriptionClient.ParseBase64(await anonymous.Content.ReadAsStringAsync());

        Assert.Equal(4, links.Count);
        var logged = await EventuallyFetchesAsync(user.UserId, count: 3);
        Assert.Equal(["no_device", "over_limit", "allowed"], logged.Select(f => f.Decision));
        Assert.Equal(("OldApp/0.9", null), (logged[0].UserAgent, logged[0].Hwid));
        Assert.Equal("tablet", logged[1].Hwid);
    }

    [Fact]
    public async Task GetDevices_AfterFetches_ListsEachDeviceWithWhatItsAppSent()
    {
        var user = await silo.CreateUserAsync(deviceLimit: 3);
        using var _ = await silo.Subscriptions.FetchAsync(user.Token, userAgent: "Happ/3.2.1", hwid: "hw-123", os: "iOS 18.1", model: "iPhone 15");

        var response = await silo.Admin.GetDevicesAsync(user.UserId);

        Assert.Equal(3, response.GetProperty("device_limit").GetInt32());
        var device = Assert.Single(response.GetProperty("devices").EnumerateArray().ToList());
        Assert.Equal(
            ("hw-123", "iOS 18.1", "iPhone 15", "Happ/3.2.1", "127.0.0.1"),
            (device.GetProperty("hwid").GetString(), device.GetProperty("os").GetString(), device.GetProperty("model").GetString(),
             device.GetProperty("app").GetString(), device.GetProperty("last_address").GetString()));
        Assert.Equal(device.GetProperty("first_seen").GetDateTimeOffset(), device.GetProperty("last_seen").GetDateTimeOffset());
    }

    [Fact]
    public async Task DeviceEndpoints_WhenSomethingIsMissing_AnswerWithTheRightStatus()
    {
        var user = await silo.CreateUserAsync(deviceLimit: 1);
        using var anonymous = new HttpClient { BaseAddress = silo.Subscriptions.BaseAddress };
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        using var unauthorized = await anonymous.GetAsync($"/admin/api/users/{user.UserId}/devices");
        using var noUser = await silo.Admin.Http.GetAsync("/admin/api/users/no-such-user/devices");
        using var noDevice = await silo.Admin.DeleteDeviceAsync(user.UserId, "never-seen");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noUser.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noDevice.StatusCode);
    }

    [Fact]
    public async Task FetchLog_WhenAUserFetchesMoreThan50Times_KeepsTheNewest50()
    {
        var user = await silo.CreateUserAsync();
        for (var n = 1; n <= 60; n++)
        {
            using var _ = await silo.Subscriptions.FetchAsync(user.Token, userAgent: $"App/{n}");
            if (n == 30)
            {
                await EventuallyFetchesAsync(user.UserId, count: 30); // let one batch land, so trimming meets older rows
            }
        }

        // A user with 50 fetches since its last trim is trimmed at the next flush; if the last few came in a batch of
        // their own, the periodic trim (every 30 s) takes them. The count is read only once the last fetch has landed:
        // a trim before that leaves 50 rows too, without the newest.
        var stored = await Poll.ValueAsync(
            () => silo.Database.ScalarAsync<long>(
                """
                SELECT count(*) FROM subscription_fetches
                WHERE user_id = $1 AND EXISTS (SELECT 1 FROM subscription_fetches WHERE user_id = $1 AND user_agent = 'App/60')
                """,
                user.UserId),
            count => count == 50, within: TimeSpan.FromSeconds(45));
        var fetches = await EventuallyFetchesAsync(user.UserId, count: 50);

        Assert.Equal(50, stored);
        Assert.Equal(Enumerable.Range(11, 50).Reverse().Select(n => $"App/{n}"), fetches.Select(f => f.UserAgent));
    }

    private async Task<IReadOnlyList<(string? UserAgent, string? Hwid, string Decision)>> EventuallyFetchesAsync(string userId, int count)
    {
        var fetches = await Poll.ValueAsync(
            async () => (await silo.Admin.GetFetchesAsync(userId)).GetProperty("fetches").EnumerateArray()
                .Select(f => (f.GetProperty("user_agent").GetString(), f.TryGetProperty("hwid", out var h) ? h.GetString() : null, f.GetProperty("decision").GetString()!))
                .ToList(),
            list => list.Count >= count);
        Assert.Equal(count, fetches.Count);
        return fetches;
    }

    private Task<long> DevicesVersionAsync(string userId) =>
        silo.Database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_type = 'user-devices' AND grain_key = $1", userId);

    private static ShareLink ParseSingle(string plainLinks) =>
        ShareLink.TryParse(Assert.Single(plainLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries)), out var link) ? link : throw new InvalidDataException(plainLinks);
}

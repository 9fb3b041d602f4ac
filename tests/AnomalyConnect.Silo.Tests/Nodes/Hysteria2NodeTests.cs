using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Hysteria2;

namespace AnomalyConnect.Silo.Tests.Nodes;

/// <summary>A Hysteria2 node (its documented stats API on loopback): auth hook, traffic, kick.</summary>
public sealed class Hysteria2NodeTests
{
    [Fact]
    public async Task Hysteria2Node_AuthHookTrafficAndKick_FollowTheUserGrain()
    {
        await using var bed = await NodeTestBed.StartAsync();
        await using var stats = await FakeHysteria2StatsServer.StartAsync("stats-secret-1");
        await using var otherStats = await FakeHysteria2StatsServer.StartAsync("stats-secret-2");
        await RegisterAsync(bed, "hy-a", stats);
        await RegisterAsync(bed, "hy-b", otherStats);
        var (userId, _) = await bed.CreateUserAsync();
        var placedOn = (await bed.UserAsync(userId))["nodes"]!.AsArray().Single(n => n!["protocol"]!.GetValue<string>() == "hysteria2")!["node_id"]!.GetValue<string>();
        var (ownStats, foreignNode) = placedOn == "hy-a" ? (stats, "hy-b") : (otherStats, "hy-a");
        var auth = await bed.Database.ScalarAsync<string>("SELECT state->>'hysteria2_auth' FROM grain_state WHERE grain_key = $1", userId);
        var ownSecret = await HookSecretAsync(bed, placedOn);
        var foreignSecret = await HookSecretAsync(bed, foreignNode);
        using var hook = new HttpClient { BaseAddress = bed.Silo.BaseAddress };

        var allowed = await AskAsync(hook, placedOn, ownSecret, auth);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal((true, userId), (allowed.Body!["ok"]!.GetValue<bool>(), allowed.Body["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await AskAsync(hook, placedOn, foreignSecret, auth)).Status); // another node's secret
        Assert.Equal(HttpStatusCode.Unauthorized, (await AskAsync(hook, placedOn, "wrong", auth)).Status);
        Assert.False((await AskAsync(hook, placedOn, ownSecret, "not-a-user"))!.Body!["ok"]!.GetValue<bool>());
        Assert.False((await AskAsync(hook, foreignNode, foreignSecret, auth)).Body!["ok"]!.GetValue<bool>()); // not placed there

        ownStats.SetTraffic(userId, tx: 1_000, rx: 50_000);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var user = await bed.UserAsync(userId);
            return user["used_upload_bytes"]!.GetValue<long>() == 1_000 && user["used_download_bytes"]!.GetValue<long>() == 50_000;
        }, TimeSpan.FromSeconds(5)), "Hysteria2 traffic did not reach the user");

        await bed.Admin.PostAsync($"/admin/api/users/{userId}/disable");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(ownStats.Kicks.Any(k => k.Contains(userId))), TimeSpan.FromSeconds(5)),
            "the disabled user was not kicked");
        Assert.False((await AskAsync(hook, placedOn, ownSecret, auth)).Body!["ok"]!.GetValue<bool>());
    }

    private static Task<JsonObject> RegisterAsync(NodeTestBed bed, string nodeId, FakeHysteria2StatsServer stats) =>
        bed.Admin.PostAsync("/admin/api/nodes", new
        {
            id = nodeId,
            name = nodeId,
            region = "eu",
            address = "127.0.0.1",
            capacity = 100,
            hysteria2 = new { port = 8443, stats_url = stats.Url.ToString(), stats_secret = stats.Secret, server_name = "vpn.example.com" },
        });

    private static Task<string> HookSecretAsync(NodeTestBed bed, string nodeId) =>
        bed.Database.ScalarAsync<string>("SELECT state->>'auth_hook_secret' FROM grain_state WHERE grain_type = 'node' AND grain_key = $1", nodeId);

    private static async Task<(HttpStatusCode Status, JsonObject? Body)> AskAsync(HttpClient hook, string nodeId, string secret, string auth)
    {
        var response = await hook.PostAsJsonAsync($"/hysteria/auth/{nodeId}?secret={Uri.EscapeDataString(secret)}", new { addr = "127.0.0.1:50000", auth, tx = 0 });
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject() : null);
    }
}

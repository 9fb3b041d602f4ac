using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AnomalyConnect.Api.Apis.Corporate;
using AnomalyConnect.Corporate.Tests.Support;
using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.Corporate.Tests;

/// <summary>
/// Grant, HR events and deactivation end to end: the real silo, a real v2ray node, and a page fetched through the VLESS
/// link the grant returned.
/// </summary>
public sealed class CorporateAccessOnRealNodeTests
{
    private const int PageBytes = 64 * 1024;

    [Fact]
    public async Task Grant_ThenHrEvents_LinkConnectsUntilTerminatedAndReplaysTamperingAndStaleEventsChangeNothing()
    {
        await using var silo = await CorporateSilo.StartAsync();
        await using var web = LoopbackHttpServer.Start();
        await using var node = await V2rayServerNode.StartAsync();
        await RegisterNodeAsync(silo, "node-a", node);

        // Grant: the answer's links belong to the user, and the VLESS one connects through the node.
        var grant = await silo.GrantOkAsync(new { employee_id = "E-100", full_name = "Ada Lovelace", email = "ada@corp.example", days = 30, traffic_limit_gb = 5 });
        var userId = grant["user_id"]!.GetValue<string>();
        Assert.Equal("E-100", grant["employee_id"]!.GetValue<string>());
        Assert.True(grant["is_active"]!.GetValue<bool>());
        Assert.Equal(5L * 1024 * 1024 * 1024, grant["traffic_limit_bytes"]!.GetValue<long>());
        Assert.InRange(grant["expires_at"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddDays(29.9), DateTimeOffset.UtcNow.AddDays(30.1));
        Assert.Null(grant["hy2_url"]);
        Assert.Matches("^[a-z2-9]{26}$", grant["activation_code"]!.GetValue<string>());
        var uuid = await silo.Database.ScalarAsync<string>("SELECT state->>'vless_uuid' FROM grain_state WHERE grain_type = 'user' AND grain_key = $1", userId);
        var token = await silo.Database.ScalarAsync<string>("SELECT state->>'subscription_token' FROM grain_state WHERE grain_type = 'user' AND grain_key = $1", userId);
        Assert.Equal($"{CorporateSilo.AppUrl}/sub/{token}", grant["subscription_url"]!.GetValue<string>());
        Assert.True(VlessRealityLink.TryParse(grant["vless_url"]!.GetValue<string>(), out var link), grant["vless_url"]!.GetValue<string>());
        Assert.Equal(uuid, link.Uuid);
        Assert.Equal(("127.0.0.1", node.VlessPort, "none", ""), (link.Host, link.Port, link.Security, link.Flow));
        var config = await GetJsonAsync(silo.Corporate, $"/user/{userId}/config");
        Assert.Equal(grant["vless_url"]!.GetValue<string>(), config["vless_url"]!.GetValue<string>());
        Assert.True(await EventuallyFetchAsync(web, link, expected: true), "the granted VLESS link did not connect through the node");

        // employee.terminated, signed: the user is disabled, removed from the node, and the id revoked in the registry.
        var terminatedAt = DateTimeOffset.UtcNow;
        var terminated = CorporateSilo.HrEventJson("hr-evt-1", "employee.terminated", "E-100", terminatedAt);
        var response = await silo.PostHrEventAsync(terminated);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Equal("disabled", (await silo.UserAsync(userId))["status"]!.GetValue<string>());
        Assert.True(await EventuallyFetchAsync(web, link, expected: false), "a terminated employee could still connect");
        Assert.False((await GetJsonAsync(silo.Corporate, $"/user/{userId}/config"))["is_active"]!.GetValue<bool>());
        var registry = await silo.AdminGetAsync("/admin/api/corporate/registry?state=revoked");
        Assert.Contains(registry["employees"]!.AsArray(), e => e!["employee_id"]!.GetValue<string>() == "E-100");

        // The same event again is a duplicate and changes nothing.
        var before = await silo.SnapshotAsync();
        Assert.Equal("duplicate", await StatusOfAsync(await silo.PostHrEventAsync(terminated)));
        Assert.Equal(before, await silo.SnapshotAsync());

        // A body changed after signing is refused before it is read, and the user stays as it was.
        var signature = SignatureOf(terminated);
        var tampered = CorporateSilo.HrEventJson("hr-evt-1b", "employee.reinstated", "E-100", terminatedAt.AddMinutes(1));
        response = await silo.PostHrEventAsync(tampered, signature);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await silo.SnapshotAsync());
        Assert.Equal("disabled", (await silo.UserAsync(userId))["status"]!.GetValue<string>());

        // A reinstatement that happened before the termination is stale: nothing changes.
        Assert.Equal("stale", await silo.HrEventAsync("hr-evt-0", "employee.reinstated", "E-100", terminatedAt.AddHours(-1)));
        Assert.Equal("disabled", (await silo.UserAsync(userId))["status"]!.GetValue<string>());
        Assert.False(await CanFetchAsync(web, link), "a stale reinstatement restored access");
        Assert.Equal("stale", await silo.Database.ScalarAsync<string>("SELECT outcome FROM hr_events WHERE event_id = 'hr-evt-0'"));

        // A newer reinstatement applies: access comes back on the node.
        Assert.Equal("applied", await silo.HrEventAsync("hr-evt-2", "employee.reinstated", "E-100", terminatedAt.AddMinutes(5)));
        Assert.True(await EventuallyFetchAsync(web, link, expected: true), "a reinstated employee could not connect");

        // The corporate API deactivates by user id; granting again brings back the same user.
        response = await silo.Corporate.PostAsync($"/user/{userId}/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deactivated = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((userId, false), (deactivated["user_id"]!.GetValue<string>(), deactivated["is_active"]!.GetValue<bool>()));
        Assert.True(await EventuallyFetchAsync(web, link, expected: false), "a deactivated user could still connect");
        var again = await silo.GrantOkAsync(new { employee_id = "E-100" });
        Assert.Equal(userId, again["user_id"]!.GetValue<string>());
        Assert.True(again["is_active"]!.GetValue<bool>());
        Assert.Equal(grant["vless_url"]!.GetValue<string>(), again["vless_url"]!.GetValue<string>());
        Assert.NotEqual(grant["activation_code"]!.GetValue<string>(), again["activation_code"]!.GetValue<string>());
        Assert.True(await EventuallyFetchAsync(web, link, expected: true), "a granted-again user could not connect");

        // Every change is in the audit trail: what, to whom, by whom, from where.
        var audit = await silo.AuditAsync("employee", "E-100");
        AssertAudited(audit, "employee.access_granted", "corporate_api", "corporate-secret");
        AssertAudited(audit, "employee.access_deactivated", "hr", "hr-evt-1");
        AssertAudited(audit, "employee.registry_revoked", "hr", "hr-evt-1");
        AssertAudited(audit, "employee.hr_event_stale", "hr", "hr-evt-0");
        AssertAudited(audit, "employee.access_reinstated", "hr", "hr-evt-2");
        AssertAudited(audit, "employee.access_deactivated", "corporate_api", "corporate-secret");
        var userAudit = await silo.AuditAsync("user", userId);
        AssertAudited(userAudit, "user.created", "corporate_api", "corporate-secret");
        AssertAudited(userAudit, "user.disable", "hr", "hr-evt-1");
        AssertAudited(userAudit, "user.enable", "hr", "hr-evt-2");
        AssertAudited(userAudit, "user.config_fetched", "corporate_api", "corporate-secret");
    }

    private static string SignatureOf(string json) => HrSignature.Sign(CorporateSilo.WebhookSecret, Encoding.UTF8.GetBytes(json));

    private static void AssertAudited(IReadOnlyList<JsonObject> entries, string action, string actorKind, string actorId)
    {
        Assert.True(
            entries.Any(e => e["action"]!.GetValue<string>() == action
                && e["actor"]!["kind"]!.GetValue<string>() == actorKind
                && e["actor"]!["id"]!.GetValue<string>() == actorId
                && e["actor"]!["address"]?.GetValue<string>() == "127.0.0.1"
                && e["at"] is not null),
            $"no {action} by {actorKind} {actorId} from 127.0.0.1 in: {string.Join("\n", entries.Select(e => e.ToJsonString()))}");
    }

    private static async Task<string> StatusOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["status"]!.GetValue<string>();
    }

    private static async Task<JsonObject> GetJsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task RegisterNodeAsync(CorporateSilo silo, string nodeId, V2rayServerNode node)
    {
        var response = await silo.Admin.PostAsync("/admin/api/nodes", CorporateSilo.Json(new
        {
            id = nodeId,
            name = nodeId,
            region = "eu",
            address = "127.0.0.1",
            capacity = 100,
            xray = new { api_url = node.ApiUrl.ToString(), flavor = "v2ray", inbound_tag = node.InboundTag, port = node.VlessPort, security = "none" },
        }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Whether a fresh VLESS connection made from the link fetches the page now.</summary>
    private static async Task<bool> CanFetchAsync(LoopbackHttpServer web, VlessRealityLink link)
    {
        await using var client = await V2rayVlessClient.StartAsync(link.Port, link.Uuid);
        using var http = client.CreateHttpClient(TimeSpan.FromSeconds(5));
        try
        {
            return (await http.GetByteArrayAsync(web.PageUrl(PageBytes))).Length == PageBytes;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    private static Task<bool> EventuallyFetchAsync(LoopbackHttpServer web, VlessRealityLink link, bool expected) =>
        Eventually.TrueAsync(async () => await CanFetchAsync(web, link) == expected, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
}

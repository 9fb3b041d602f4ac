using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AnomalyConnect.Admin.Tests.Support;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Admin.Tests;

/// <summary>The admin API's additions: search by Telegram id, @username and employee id; actors in the audit; node config downloads; bulk input.</summary>
public sealed class AdminApiTests(AdminSiloFixture fixture) : IClassFixture<AdminSiloFixture>
{
    private AdminSilo Silo => fixture.Silo;

    [Fact]
    public async Task Search_WhenGivenATelegramIdUsernameOrEmployeeId_FindsTheUser()
    {
        var telegramId = 880_000_000 + Random.Shared.Next(1_000_000);
        var created = await Silo.Admin.PostAsync("/admin/api/users",
            new { days = 30, telegram_id = telegramId, username = "alice_search", employee_id = "E-4242", display_name = "Alice Search" });
        await Silo.Admin.PostAsync("/admin/api/users", new { days = 30, username = "bob_other" });
        var userId = created["user_id"]!.GetValue<string>();

        foreach (var query in new[] { telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture), "@alice_search", "alice_sea", "E-4242", userId })
        {
            var page = (await Silo.Admin.GetAsync($"/admin/api/users?query={Uri.EscapeDataString(query)}")).AsObject();
            Assert.Equal(1, page["total"]!.GetValue<long>());
            Assert.Equal(userId, page["users"]![0]!["user_id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task UserActions_WhenMadeThroughTheApi_AreAuditedWithTheAdminAndTheirAddress()
    {
        var userId = (await Silo.Admin.PostAsync("/admin/api/users", new { days = 30 }))["user_id"]!.GetValue<string>();

        await Silo.Admin.PostAsync($"/admin/api/users/{userId}/extend", new { days = 7 });
        await Silo.Admin.PostAsync($"/admin/api/users/{userId}/disable", new { reason = "testing" });
        using var deleted = await Silo.Admin.Http.DeleteAsync($"/admin/api/users/{userId}");

        var entries = (await Silo.Admin.GetAsync($"/admin/api/audit?subject_type=user&subject_id={userId}"))["entries"]!.AsArray();
        Assert.Equal(["user.deleted", "user.disable", "user.extend", "user.created"], entries.Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(entries, e =>
        {
            Assert.Equal("admin", e!["actor"]!["kind"]!.GetValue<string>());
            Assert.Equal("api-token", e["actor"]!["id"]!.GetValue<string>());
            Assert.Equal("127.0.0.1", e["actor"]!["address"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task NodeConfigs_WhenDownloaded_AreRenderedWithTheNodesSecretsAndAudited()
    {
        var privateKey = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var registered = await Silo.Admin.PostAsync("/admin/api/nodes", new
        {
            id = "node-cfg-1",
            name = "Config node",
            region = "eu",
            address = "203.0.113.10",
            capacity = 100,
            xray = new
            {
                api_url = "https://203.0.113.10:8443",
                flavor = "xray",
                inbound_tag = "vless-reality",
                port = 443,
                security = "reality",
                reality = new { public_key = "k", short_id = "0123abcd", server_name = "www.example.com", fingerprint = "chrome", private_key = privateKey },
            },
            hysteria2 = new { port = 443, stats_url = "https://203.0.113.10:8443/hy2", stats_secret = "stats-secret-0123456789", server_name = "www.example.com" },
        });
        var hookUrl = registered["hysteria2_auth_hook_url"]!.GetValue<string>();

        using var xray = await Silo.Admin.Http.GetAsync("/admin/api/nodes/node-cfg-1/xray-config?reality_dest=www.example.com:443");
        using var hysteria = await Silo.Admin.Http.GetAsync("/admin/api/nodes/node-cfg-1/hysteria2-config");
        using var missing = await Silo.Admin.Http.GetAsync("/admin/api/nodes/node-none/xray-config");

        Assert.Equal(HttpStatusCode.OK, xray.StatusCode);
        Assert.Equal("application/json", xray.Content.Headers.ContentType!.MediaType);
        var config = JsonNode.Parse(await xray.Content.ReadAsStringAsync())!;
        var vless = config["inbounds"]!.AsArray().Single(i => i!["tag"]!.GetValue<string>() == "vless-reality")!;
        Assert.Equal(privateKey, vless["streamSettings"]!["realitySettings"]!["privateKey"]!.GetValue<string>());
        Assert.Equal("www.example.com:443", vless["streamSettings"]!["realitySettings"]!["dest"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, hysteria.StatusCode);
        Assert.StartsWith("application/yaml", hysteria.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var yaml = await hysteria.Content.ReadAsStringAsync();
        Assert.Contains(hookUrl, yaml, StringComparison.Ordinal);
        Assert.Contains("stats-secret-0123456789", yaml, StringComparison.Ordinal);
        Assert.Contains("listen: 127.0.0.1:9999", yaml.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var audit = (await Silo.Admin.GetAsync("/admin/api/audit?subject_type=node&subject_id=node-cfg-1"))["entries"]!.AsArray();
        Assert.Equal(["node.config_downloaded", "node.config_downloaded", "node.registered"], audit.Select(e => e!["action"]!.GetValue<string>()));
        Assert.DoesNotContain(privateKey, audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeConfigs_WhenTheRealityPrivateKeyWasNeverGiven_SaySoInsteadOfFailing()
    {
        await Silo.Admin.PostAsync("/admin/api/nodes", new
        {
            id = "node-cfg-2",
            region = "eu",
            address = "203.0.113.11",
            capacity = 10,
            xray = new
            {
                api_url = "https://203.0.113.11:8443",
                inbound_tag = "vless-reality",
                security = "reality",
                reality = new { public_key = "k", short_id = "ab", server_name = "www.example.com" },
            },
        });

        using var response = await Silo.Admin.Http.GetAsync("/admin/api/nodes/node-cfg-2/xray-config");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("private_key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"filter": {}, "action": {"type": "explode"}}""", "action.type must be")]
    [InlineData("""{"filter": {}, "action": {"type": "extend"}}""", "days is required")]
    [InlineData("""{"filter": {}, "action": {"type": "extend", "days": 0}}""", "days must be between 1")]
    [InlineData("""{"filter": {"status": "sleeping"}, "action": {"type": "enable"}}""", "JSON body could not be read")]
    public async Task BulkActions_WhenTheRequestIsInvalid_AnswerWithASentence(string body, string expected)
    {
        using var response = await Silo.Admin.Http.PostAsync("/admin/api/bulk-actions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkActions_WhenStarted_ReportProgressUntilEveryMatchingUserIsDone()
    {
        var tag = "bulkapi" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
        {
            await Silo.Admin.PostAsync("/admin/api/users", new { days = 3, display_name = $"{tag} {i}" });
        }
        await Silo.Admin.PostAsync("/admin/api/users", new { days = 3, display_name = "someone else" });

        using var started = await Silo.Admin.Http.PostAsJsonAsync("/admin/api/bulk-actions",
            new { filter = new { query = tag, status = "active" }, action = new { type = "reset_traffic" } }, AdminClient.Json);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
        Assert.Equal($"/admin/api/bulk-actions/{jobId}", started.Headers.Location!.OriginalString);

        JsonNode job = null!;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            job = await Silo.Admin.GetAsync($"/admin/api/bulk-actions/{jobId}");
            return job["status"]!.GetValue<string>() == "completed";
        }, TimeSpan.FromSeconds(30)), "The bulk job did not complete.");
        Assert.Equal(5, job["matched"]!.GetValue<long>());
        Assert.Equal(5, job["processed"]!.GetValue<long>());
        Assert.Equal(5, job["changed"]!.GetValue<long>());
        Assert.Equal("reset_traffic", job["action"]!["type"]!.GetValue<string>());
        Assert.Equal("api-token", job["created_by"]!["id"]!.GetValue<string>());
        using var unknown = await Silo.Admin.Http.GetAsync("/admin/api/bulk-actions/bulk-nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

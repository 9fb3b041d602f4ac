using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AnomalyConnect.Corporate.Tests.Support;

namespace AnomalyConnect.Corporate.Tests;

/// <summary>Bad input on every corporate endpoint is a 4xx problem and changes nothing; good input behaves under concurrency.</summary>
public sealed class CorporateApiInputTests(DefaultDaysSiloFixture fixture) : IClassFixture<DefaultDaysSiloFixture>
{
    private CorporateSilo Silo => fixture.Silo;

    [Theory]
    [InlineData("""{"employee_id":"E-1","days":"many"}""", "JSON")]
    [InlineData("""{"employee_id":123}""", "JSON")]
    [InlineData("""{"employee_id":"E-1","surprise":true}""", "JSON")]
    [InlineData("""{"employee_id":"E-1",""", "JSON")]
    [InlineData("""[1,2,3]""", "JSON")]
    [InlineData("""null""", "JSON object")]
    [InlineData("", "JSON object")]
    [InlineData("""{"employee_id":"E-1","days":1e400}""", "JSON")]
    [InlineData("""{}""", "employee_id")]
    [InlineData("""{"employee_id":"has space"}""", "employee_id")]
    [InlineData("""{"employee_id":"E-1","days":0}""", "days")]
    [InlineData("""{"employee_id":"E-1","days":40000}""", "days")]
    [InlineData("""{"employee_id":"E-1","traffic_limit_gb":-1}""", "traffic_limit_gb")]
    [InlineData("""{"employee_id":"E-1","telegram_id":-5}""", "telegram_id")]
    public async Task Grant_WithBadInput_Is400ProblemDetailsAndChangesNothing(string body, string expectedInDetail)
    {
        var before = await Silo.SnapshotAsync();

        var response = await Silo.Corporate.PostAsync("/access/grant", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedInDetail);
        Assert.Equal(before, await Silo.SnapshotAsync());
    }

    [Theory]
    [InlineData("full_name", 201)]
    [InlineData("email", 255)]
    public async Task Grant_WithATooLongField_Is400ProblemDetailsAndChangesNothing(string field, int length)
    {
        var before = await Silo.SnapshotAsync();
        var body = new JsonObject { ["employee_id"] = "E-long", [field] = new string('x', length) }.ToJsonString();

        var response = await Silo.Corporate.PostAsync("/access/grant", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await Silo.SnapshotAsync());
    }

    [Fact]
    public async Task Grant_WithAHugeBody_Is413ProblemDetailsAndChangesNothing()
    {
        var before = await Silo.SnapshotAsync();
        var body = $$"""{"employee_id":"E-huge","full_name":"{{new string('x', 1024 * 1024)}}"}""";

        var response = await Silo.Corporate.PostAsync("/access/grant", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "at most");
        Assert.Equal(before, await Silo.SnapshotAsync());
    }

    [Fact]
    public async Task Grant_WithoutDays_LastsTheConfiguredDefaultDays()
    {
        var grant = await Silo.GrantOkAsync(new { employee_id = "E-default-days" });

        var expiresAt = grant["expires_at"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddDays(DefaultDaysSiloFixture.DefaultDays - 0.1), DateTimeOffset.UtcNow.AddDays(DefaultDaysSiloFixture.DefaultDays + 0.1));
        Assert.Null(grant["vless_url"]); // no node serves VLESS in this silo
        Assert.Null(grant["hy2_url"]);
    }

    [Fact]
    public async Task Grant_ManyTimesAtOnceForOneEmployee_MakesOneUser()
    {
        var grants = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Silo.GrantOkAsync(new { employee_id = "E-concurrent", days = 10 })));

        Assert.Single(grants.Select(g => g["user_id"]!.GetValue<string>()).Distinct());
        Assert.Equal(6, grants.Select(g => g["activation_code"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(1, await Silo.CountAsync("SELECT count(*) FROM grain_state WHERE grain_type = 'user' AND state->>'employee_id' = 'E-concurrent'"));
    }

    [Theory]
    [InlineData("""{"event_id":"bad-1","type":"employee.promoted","employee_id":"E-2","occurred_at":"2026-01-01T00:00:00Z"}""", "type must be one of")]
    [InlineData("""{"event_id":"bad-2","type":"employee.hired","employee_id":"E-2"}""", "occurred_at")]
    [InlineData("""{"event_id":"bad-3","type":"employee.hired","employee_id":"E-2","occurred_at":"yesterday"}""", "JSON")]
    [InlineData("""{"event_id":"bad-4","type":"employee.hired","employee_id":5,"occurred_at":"2026-01-01T00:00:00Z"}""", "JSON")]
    [InlineData("""{"event_id":"bad-5","type":"employee.hired","employee_id":"E-2","occurred_at":"2026-01-01T00:00:00Z","salary":1}""", "JSON")]
    [InlineData("""{"event_id":"bad 6","type":"employee.hired","employee_id":"E-2","occurred_at":"2026-01-01T00:00:00Z"}""", "event_id")]
    [InlineData("""{"event_id":"bad-7","type":"employee.hired","employee_id":"E-2","occurred_at":"2026-01-01T00:00:00Z","days":0}""", "days")]
    [InlineData("""{"type":"employee.hired","employee_id":"E-2","occurred_at":"2026-01-01T00:00:00Z"}""", "event_id")]
    [InlineData("""{"event_id":"bad-9","type":"employee.hired","occurred_at":"2026-01-01T00:00:00Z"}""", "employee_id")]
    [InlineData("""{"event_id":"bad-10",""", "JSON")]
    [InlineData("", "JSON object")]
    public async Task HrEvent_WithBadInputButAValidSignature_Is400ProblemDetailsAndChangesNothing(string body, string expectedInDetail)
    {
        var before = await Silo.SnapshotAsync();

        var response = await Silo.PostHrEventAsync(body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedInDetail);
        Assert.Equal(before, await Silo.SnapshotAsync());
    }

    [Fact]
    public async Task HrEvent_WithAHugeBody_Is413ProblemDetailsAndChangesNothing()
    {
        var before = await Silo.SnapshotAsync();
        var body = $$"""{"event_id":"huge","type":"employee.hired","employee_id":"E-3","occurred_at":"2026-01-01T00:00:00Z","full_name":"{{new string('x', 200_000)}}"}""";

        var response = await Silo.PostHrEventAsync(body);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "at most");
        Assert.Equal(before, await Silo.SnapshotAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=not-hex")]
    public async Task HrEvent_WithoutAValidSignature_Is401AndChangesNothing(string? signature)
    {
        var before = await Silo.SnapshotAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/hr-events")
        {
            Content = new StringContent(CorporateSilo.HrEventJson("unsigned-1", "employee.hired", "E-4", DateTimeOffset.UtcNow), Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature", signature);
        }

        var response = await Silo.Anonymous.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "X-Signature");
        Assert.Equal(before, await Silo.SnapshotAsync());
    }

    [Fact]
    public async Task HrEvent_SentManyTimesAtOnce_IsAppliedOnceAndTheRestAreDuplicates()
    {
        var json = CorporateSilo.HrEventJson("race-1", "employee.hired", "E-race", DateTimeOffset.UtcNow, days: 30);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var response = await Silo.PostHrEventAsync(json);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>();
        }));

        Assert.Equal(1, statuses.Count(s => s == "applied"));
        Assert.Equal(7, statuses.Count(s => s == "duplicate"));
        Assert.Equal(1, await Silo.CountAsync("SELECT count(*) FROM grain_state WHERE grain_type = 'user' AND state->>'employee_id' = 'E-race'"));
        Assert.Equal(1, await Silo.CountAsync("SELECT count(*) FROM hr_events WHERE event_id = 'race-1'"));
        Assert.Equal(1, await Silo.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'employee.access_granted' AND subject_id = 'E-race'"));
    }

    [Fact]
    public async Task UserEndpoints_ForUnknownOrNonCorporateUsers_Are404ProblemDetails()
    {
        var commercial = await Silo.Admin.PostAsync("/admin/api/users", CorporateSilo.Json(new { days = 3 }));
        var commercialId = JsonNode.Parse(await commercial.Content.ReadAsStringAsync())!["user_id"]!.GetValue<string>();
        var before = await Silo.SnapshotAsync();

        foreach (var userId in new[] { "u-nobody", commercialId, "bad%20id", new string('x', 65) })
        {
            await AssertProblemAsync(await Silo.Corporate.GetAsync($"/user/{userId}/config"), HttpStatusCode.NotFound, "no corporate user");
            await AssertProblemAsync(await Silo.Corporate.GetAsync($"/user/{userId}/qr.png"), HttpStatusCode.NotFound, "no corporate user");
            await AssertProblemAsync(await Silo.Corporate.PostAsync($"/user/{userId}/deactivate", null), HttpStatusCode.NotFound, "no corporate user");
        }
        Assert.Equal(before, await Silo.SnapshotAsync());
        Assert.Equal("active", (await Silo.UserAsync(commercialId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Qr_ForACorporateUser_IsAPngOfTheSubscriptionUrl()
    {
        var grant = await Silo.GrantOkAsync(new { employee_id = "E-qr" });

        var response = await Silo.Corporate.GetAsync($"/user/{grant["user_id"]!.GetValue<string>()}/qr.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Theory]
    [InlineData("GET", "/admin/api/corporate/registry?state=bogus", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/admin/api/corporate/registry?page=0", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/admin/api/corporate/registry?page=abc", null, HttpStatusCode.BadRequest)]
    [InlineData("POST", "/admin/api/corporate/registry", "{}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/admin/api/corporate/registry", """{"employee_id":"a b"}""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/admin/api/corporate/registry", """{"employee_id":"E-5","extra":1}""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/admin/api/corporate/registry", """{"employee_id":""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/admin/api/corporate/registry/E-never-seen/revoke", null, HttpStatusCode.NotFound)]
    public async Task RegistryApi_WithBadInput_Is4xxProblemDetailsAndChangesNothing(string method, string path, string? body, HttpStatusCode expected)
    {
        var before = await Silo.SnapshotAsync();

        var response = await Silo.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        });

        await AssertProblemAsync(response, expected, "");
        Assert.Equal(before, await Silo.SnapshotAsync());
    }

    [Fact]
    public async Task AdminApis_WithoutTheAdminToken_Are401()
    {
        foreach (var (method, path) in new[] { ("GET", "/admin/api/corporate/registry"), ("POST", "/admin/api/corporate/registry"), ("POST", "/admin/api/corporate/registry/E-1/revoke"), ("GET", "/admin/api/audit") })
        {
            var response = await Silo.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? CorporateSilo.Json(new { employee_id = "E-1" }) : null });
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "");
        }
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("POST")]
    public async Task AuditApi_IsReadOnly(string method)
    {
        var before = await Silo.SnapshotAsync();

        var response = await Silo.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/admin/api/audit") { Content = CorporateSilo.Json(new { }) });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(before, await Silo.SnapshotAsync());
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string expectedInDetail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expectedInDetail, text, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AnomalyConnect.Api.Apis.Corporate;
using AnomalyConnect.Testing;
using Npgsql;

namespace AnomalyConnect.Corporate.Tests.Support;

/// <summary>
/// The real silo process on a fresh database (nodes polled every second), with clients for the corporate API, the HR
/// webhook and the admin API, and the grains of the same database in this process for what only the bot would call.
/// </summary>
public sealed class CorporateSilo : IAsyncDisposable
{
    public const string AdminToken = "corporate-admin-token-0123456789";
    public const string CorporateSecret = "corporate-secret-0123456789abcdef";
    public const string WebhookSecret = "corporate-webhook-secret-0123456789";
    public const string AppUrl = "https://vpn.corp.example";

    private CorporateSilo(TestDatabase database, HostProcess process)
    {
        Database = database;
        Process = process;
        Corporate = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Corporate.DefaultRequestHeaders.Add("X-Corporate-Secret", CorporateSecret);
        Anonymous = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        Grains = new InProcessGrains(database);
    }

    public TestDatabase Database { get; }

    public HostProcess Process { get; }

    /// <summary>Sends X-Corporate-Secret.</summary>
    public HttpClient Corporate { get; }

    /// <summary>Sends no credentials at all.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>Sends the admin bearer token.</summary>
    public HttpClient Admin { get; }

    /// <summary>The grain runtime in this process (no silo work), on the same database, with a clock the test moves.</summary>
    public InProcessGrains Grains { get; }

    public static async Task<CorporateSilo> StartAsync(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var database = await TestDatabase.CreateAsync();
        try
        {
            var process = await HostProcess.StartAsync(SiloAssemblyPath, Environment(database, overrides));
            return new CorporateSilo(database, process);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public static string SiloAssemblyPath => BuiltAssemblies.Find("silo/AnomalyConnect.Silo", "AnomalyConnect.Silo");

    public static Dictionary<string, string> Environment(TestDatabase database, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var environment = new Dictionary<string, string>
        {
            ["API_SECRET_KEY"] = AdminToken,
            ["CORPORATE_SECRET"] = CorporateSecret,
            ["WEBHOOK_SECRET"] = WebhookSecret,
            ["APP_URL"] = AppUrl,
            ["DB_HOST"] = connection.Host!,
            ["DB_PORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DB_NAME"] = connection.Database!,
            ["DB_USER"] = connection.Username!,
            ["SILO_NAME"] = "corporate-silo",
            ["NODE_POLL_INTERVAL_SECONDS"] = "1",
            ["NODE_PROBE_TIMEOUT_SECONDS"] = "2",
            ["NODE_FAILURE_THRESHOLD"] = "2",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return environment;
    }

    public Task<HttpResponseMessage> GrantAsync(object body) => Corporate.PostAsync("/access/grant", Json(body));

    /// <summary>Grants and returns the answer, failing the test on anything but 200.</summary>
    public async Task<JsonObject> GrantOkAsync(object body)
    {
        var response = await GrantAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /access/grant → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>POSTs <paramref name="json"/> to the HR webhook, signed with the webhook secret unless a signature is given.</summary>
    public Task<HttpResponseMessage> PostHrEventAsync(string json, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/hr-events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature", signature ?? HrSignature.Sign(WebhookSecret, bytes));
        return Anonymous.SendAsync(request);
    }

    /// <summary>Sends a signed HR event and returns its status, failing the test on anything but 200.</summary>
    public async Task<string> HrEventAsync(string eventId, string type, string employeeId, DateTimeOffset occurredAt, int? days = null)
    {
        var response = await PostHrEventAsync(HrEventJson(eventId, type, employeeId, occurredAt, days));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /webhooks/hr-events → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["status"]!.GetValue<string>();
    }

    public static string HrEventJson(string eventId, string type, string employeeId, DateTimeOffset occurredAt, int? days = null) =>
        new JsonObject
        {
            ["event_id"] = eventId,
            ["type"] = type,
            ["employee_id"] = employeeId,
            ["occurred_at"] = occurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["full_name"] = "Test Employee",
            ["days"] = days,
        }.ToJsonString();

    public async Task<JsonObject> AdminGetAsync(string path)
    {
        var response = await Admin.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public Task<JsonObject> UserAsync(string userId) => AdminGetAsync($"/admin/api/users/{userId}");

    /// <summary>The audit entries of one subject, newest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> AuditAsync(string subjectType, string subjectId)
    {
        var page = await AdminGetAsync($"/admin/api/audit?subject_type={subjectType}&subject_id={Uri.EscapeDataString(subjectId)}&page_size=500");
        return [.. page["entries"]!.AsArray().Select(e => e!.AsObject())];
    }

    public Task<long> CountAsync(string sql, params object[] parameters) => Database.ScalarAsync<long>(sql, parameters);

    /// <summary>A fingerprint of what users, employees and requests own (nodes poll on their own), to show a refusal changed nothing.</summary>
    public async Task<string> SnapshotAsync() =>
        await Database.ScalarAsync<string>(
            """
            SELECT concat_ws('|',
                (SELECT count(*) FROM grain_state WHERE state IS NOT NULL AND grain_type <> 'node'),
                (SELECT md5(coalesce(string_agg(grain_type || '/' || grain_key || '=' || state::text, ',' ORDER BY grain_type, grain_key), ''))
                   FROM grain_state WHERE state IS NOT NULL AND grain_type <> 'node'),
                (SELECT count(*) FROM grain_index),
                (SELECT count(*) FROM audit_log),
                (SELECT count(*) FROM hr_events))
            """);

    public static StringContent Json(object body) =>
        new(body as string ?? System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Corporate.Dispose();
        Anonymous.Dispose();
        Admin.Dispose();
        await Grains.DisposeAsync();
        await Process.DisposeAsync();
        await Database.DisposeAsync();
    }
}

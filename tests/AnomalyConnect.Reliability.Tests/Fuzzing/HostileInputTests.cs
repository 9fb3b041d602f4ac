using System.Collections.Concurrent;
using System.Net;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Reliability.Tests.Fuzzing;

/// <summary>
/// 10,000+ generated hostile requests across every public endpoint: only 4xx answers, never 5xx, no state
/// change, and no secret in any response or log line.
/// </summary>
public sealed class HostileInputTests
{
    private const int RequestCount = 10_000;
    private const string BotToken = "123456:fuzz-bot-token-ABCDEFGHIJ";
    private const string YooKassaKey = "test_fuzz_yookassa_secret_key_123";
    private const string MetricsPassword = "fuzz-metrics-password-42";

    private static readonly FuzzEndpoint[] Endpoints =
    [
        new("POST", "/admin/api/nodes", FuzzCredential.AdminBearer, true),
        new("GET", "/admin/api/nodes/{id}", FuzzCredential.AdminBearer, false),
        new("DELETE", "/admin/api/nodes/{id}", FuzzCredential.AdminBearer, false),
        new("POST", "/admin/api/users", FuzzCredential.AdminBearer, true),
        new("GET", "/admin/api/users", FuzzCredential.AdminBearer, false),
        new("POST", "/admin/api/users/{id}/extend", FuzzCredential.AdminBearer, true),
        new("POST", "/admin/api/users/{id}/traffic-limit", FuzzCredential.AdminBearer, true),
        new("POST", "/admin/api/users/{id}/disable", FuzzCredential.AdminBearer, true),
        new("DELETE", "/admin/api/users/{id}", FuzzCredential.AdminBearer, false),
        new("POST", "/admin/api/tariffs", FuzzCredential.AdminBearer, true),
        new("POST", "/admin/api/promo-codes", FuzzCredential.AdminBearer, true),
        new("POST", "/admin/api/payments/{id}/refund", FuzzCredential.AdminBearer, true),
        new("POST", "/admin/api/bulk-actions", FuzzCredential.AdminBearer, true),
        new("GET", "/admin/api/audit", FuzzCredential.AdminBearer, false),
        new("POST", "/access/grant", FuzzCredential.CorporateSecret, true),
        new("GET", "/user/{id}/config", FuzzCredential.CorporateSecret, false),
        new("GET", "/user/{id}/qr.png", FuzzCredential.CorporateSecret, false),
        new("POST", "/user/{id}/deactivate", FuzzCredential.CorporateSecret, true),
        new("POST", "/webhooks/hr-events", FuzzCredential.HrSignature, true),
        new("POST", "/webhooks/yookassa", FuzzCredential.None, true),
        new("POST", "/webhooks/telegram", FuzzCredential.TelegramSecret, true),
        new("POST", "/hysteria/auth/{id}", FuzzCredential.HysteriaSecret, true),
        new("GET", "/sub/{token}", FuzzCredential.None, false),
        new("GET", "/sub/{token}/info", FuzzCredential.None, false),
        new("GET", "/metrics", FuzzCredential.MetricsBasic, false),
        new("POST", "/admin/login", FuzzCredential.None, true),
        new("POST", "/{path}", FuzzCredential.None, true),
    ];

    [Fact]
    public async Task TenThousandHostileRequests_AreAnswered4xxOnly_ChangeNothing_AndLeakNoSecret()
    {
        await using var telegram = FakeTelegramServer.Start(BotToken);
        await using var yookassa = FakeYooKassaServer.Start("fuzz-shop", YooKassaKey);
        await using var database = await TestDatabase.CreateAsync();
        await using var silo = await SiloProcess.StartAsync(database, "fuzz", new Dictionary<string, string>
        {
            ["BOT_TOKEN"] = BotToken,
            ["TELEGRAM_API_URL"] = telegram.BaseUrl.ToString(),
            ["YOOKASSA_SHOP_ID"] = "fuzz-shop",
            ["YOOKASSA_SECRET_KEY"] = YooKassaKey,
            ["YOOKASSA_API_URL"] = yookassa.BaseUrl.ToString(),
            ["METRICS_USERNAME"] = "admin",
            ["METRICS_PASSWORD"] = MetricsPassword,
        });
        using var admin = new AdminClient(silo.BaseAddress);
        await admin.PostAsync("/admin/api/users", new { user_id = "fuzz-user", days = 30 });
        var before = await SnapshotAsync(database);

        var secrets = new Dictionary<string, string>
        {
            ["admin"] = SiloProcess.AdminToken,
            ["corporate"] = SiloProcess.CorporateSecret,
            ["webhook"] = SiloProcess.WebhookSecret,
            ["bot"] = BotToken,
            ["yookassa"] = YooKassaKey,
            ["metrics"] = MetricsPassword,
        };
        var outcomes = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 32, PooledConnectionLifetime = TimeSpan.FromSeconds(30) };
        using var http = new HttpClient(handler) { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var answered = 0;
        var refusedMidUpload = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, RequestCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var factory = new FuzzRequestFactory(new Random(20261122 + i), secrets);
            var endpoint = Endpoints[i % Endpoints.Length];
            using var request = factory.Create(endpoint);
            var described = $"{request.Method} {request.RequestUri}";
            // The server may refuse a body before reading it (401, 413); 100-continue lets it say so first.
            request.Headers.ExpectContinue = request.Content is not null;
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request);
            }
            catch (HttpRequestException exception) when (exception.InnerException is IOException && request.Content is not null)
            {
                // The server answered and closed while the body was still being sent: a refusal, not a crash.
                Interlocked.Increment(ref refusedMidUpload);
                return;
            }
            using var disposeResponse = response;
            Interlocked.Increment(ref answered);
            outcomes.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Enqueue($"{(int)response.StatusCode} for {described[..Math.Min(described.Length, 200)]}: {body[..Math.Min(body.Length, 300)]}");
            }
            var leaked = secrets.Values.FirstOrDefault(secret => body.Contains(secret, StringComparison.Ordinal)
                || response.Headers.ToString().Contains(secret, StringComparison.Ordinal));
            if (leaked is not null)
            {
                failures.Enqueue($"a secret appeared in the response to {described[..Math.Min(described.Length, 200)]}");
            }
        });

        Assert.Equal(RequestCount, answered + refusedMidUpload);
        Assert.True(refusedMidUpload < RequestCount / 20, $"{refusedMidUpload} requests were cut off while uploading");
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n{string.Join("\n", failures.Take(10))}\nstatus counts: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}×{o.Value}"))}");
        Assert.Equal(before, await SnapshotAsync(database));
        Assert.False(silo.HasExited);
        var log = silo.Output;
        foreach (var (name, secret) in secrets)
        {
            Assert.False(log.Contains(secret, StringComparison.Ordinal), $"the {name} secret appeared in the silo's log");
        }
    }

    /// <summary>Everything a request could change, except the nodes' and timers' own housekeeping.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database) =>
        await database.ScalarAsync<string>(
            """
            SELECT coalesce(string_agg(grain_type || ':' || grain_key || ':' || version, ',' ORDER BY grain_type, grain_key), '')
            FROM grain_state WHERE grain_type NOT IN ('node')
            """);
}

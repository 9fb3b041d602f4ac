using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AnomalyConnect.Admin.Tests.Support;
using AnomalyConnect.Grains.Admin;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Admin.Tests;

/// <summary>Sessions, CSRF, the allowlist, the second factor and /metrics access, over plain HTTP against a real silo.</summary>
public sealed partial class AdminSecurityTests
{
    [Fact]
    public async Task StateChange_WhenTheCsrfTokenIsMissingOrWrong_IsRefusedAndChangesNothing()
    {
        await using var silo = await AdminSilo.StartAsync();
        var userId = (await silo.Admin.PostAsync("/admin/api/users", new { days = 10 }))["user_id"]!.GetValue<string>();
        var before = (await silo.Admin.GetAsync($"/admin/api/users/{userId}"))["expires_at"]!.GetValue<DateTimeOffset>();
        using var web = new AdminWeb(silo.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await web.LogInAsync("admin", SiloProcess.AdminToken)).StatusCode);

        using var missing = await web.PostFormAsync($"/admin/users/{userId}/extend", new Dictionary<string, string> { ["days"] = "30" });
        using var wrong = await web.PostFormAsync($"/admin/users/{userId}/extend", new Dictionary<string, string> { ["days"] = "30", ["_csrf"] = "forged" });
        using var wrongHeader = new HttpRequestMessage(HttpMethod.Post, $"/admin/users/{userId}/extend")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["days"] = "30" }),
            Headers = { { "X-CSRF-Token", "forged" } },
        };
        using var headerRefused = await web.Http.SendAsync(wrongHeader);

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, headerRefused.StatusCode);
        Assert.Contains("CSRF", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await silo.Admin.GetAsync($"/admin/api/users/{userId}"))["expires_at"]!.GetValue<DateTimeOffset>());

        using var accepted = await web.PostFormAsync($"/admin/users/{userId}/extend",
            new Dictionary<string, string> { ["days"] = "30", ["_csrf"] = await web.CsrfTokenAsync() });
        Assert.Equal(HttpStatusCode.Found, accepted.StatusCode);
        Assert.Equal(before.AddDays(30), (await silo.Admin.GetAsync($"/admin/api/users/{userId}"))["expires_at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task StateChange_WhenThereIsNoSession_IsRefused()
    {
        await using var silo = await AdminSilo.StartAsync();
        using var web = new AdminWeb(silo.BaseAddress);

        using var response = await web.PostFormAsync("/admin/account/admins", new Dictionary<string, string> { ["login"] = "intruder", ["password"] = "intruder-password-1" });
        using var page = await web.Http.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/login?return=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenItSucceeds_SetsAnHttpOnlyStrictCookieThatIsSecureOverHttps()
    {
        await using var silo = await AdminSilo.StartAsync();
        using var plain = new AdminWeb(silo.BaseAddress);
        using var viaTls = new AdminWeb(silo.BaseAddress);

        using var overHttp = await plain.LogInAsync("admin", SiloProcess.AdminToken);
        using var overHttps = await viaTls.LogInAsync("admin", SiloProcess.AdminToken, headers: new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" });

        var httpCookie = SessionCookie(overHttp);
        var httpsCookie = SessionCookie(overHttps);
        Assert.Contains("httponly", httpCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", httpCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/admin", httpCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", httpCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", httpsCookie, StringComparison.OrdinalIgnoreCase);
        var stored = await silo.Database.ScalarAsync<long>("SELECT count(*) FROM admin_sessions");
        Assert.Equal(2, stored);
        var token = Uri.UnescapeDataString(SessionCookieValue().Match(httpCookie).Groups[1].Value);
        Assert.Equal(1, await silo.Database.ScalarAsync<long>("SELECT count(*) FROM admin_sessions WHERE token_hash = sha256(convert_to($1, 'UTF8'))", token));
        Assert.Equal(0, await silo.Database.ScalarAsync<long>("SELECT count(*) FROM admin_sessions s WHERE position(convert_to($1, 'UTF8') IN s.token_hash) > 0 OR s.csrf_token = $1", token));
        Assert.StartsWith("pbkdf2-sha256$", await silo.Database.ScalarAsync<string>("SELECT password_hash FROM admin_accounts WHERE login = 'admin'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenTheFormDidNotComeFromThisSite_IsRefused()
    {
        await using var silo = await AdminSilo.StartAsync();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        using var response = await http.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "admin",
            ["password"] = SiloProcess.AdminToken,
            ["_csrf"] = "guessed",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("ac_admin_session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_WhenTheAccountHasASecondFactor_NeedsACurrentCodeAndRefusesAReplay()
    {
        await using var silo = await AdminSilo.StartAsync();
        using var web = new AdminWeb(silo.BaseAddress);
        await web.LogInAsync("admin", SiloProcess.AdminToken);
        var csrf = await web.CsrfTokenAsync();
        using var start = await web.PostFormAsync("/admin/account/totp/start", new Dictionary<string, string> { ["_csrf"] = csrf });
        var secret = Base32.Decode(KeyShown().Match(await start.Content.ReadAsStringAsync()).Groups[1].Value)!;
        var step = Totp.StepOf(DateTimeOffset.UtcNow);
        using var confirm = await web.PostFormAsync("/admin/account/totp/confirm",
            new Dictionary<string, string> { ["_csrf"] = csrf, ["code"] = Totp.Code(secret, step) });
        Assert.Equal(HttpStatusCode.Found, confirm.StatusCode);

        using var fresh = new AdminWeb(silo.BaseAddress);
        using var withoutCode = await fresh.LogInAsync("admin", SiloProcess.AdminToken);
        using var replayed = await fresh.LogInAsync("admin", SiloProcess.AdminToken, Totp.Code(secret, step));
        using var withCode = await fresh.LogInAsync("admin", SiloProcess.AdminToken, Totp.Code(secret, step + 1));

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Found, withCode.StatusCode);
        Assert.Equal(2, await silo.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'admin.login_refused' AND details->>'reason' = 'wrong_code'"));
        Assert.Equal(1, await silo.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'admin.totp_enabled'"));
    }

    [Fact]
    public async Task Allowlist_WhenTheCallerIsOutsideIt_RefusesTheAdminUiAndApiButNotThePublicRoutes()
    {
        await using var silo = await AdminSilo.StartAsync(new Dictionary<string, string> { ["ADMIN_ALLOWLIST"] = "10.1.2.0/24" });
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        using var direct = await http.GetAsync("/admin/login");
        using var inside = await Get(http, "/admin/login", "10.1.2.3");
        using var outside = await Get(http, "/admin/login", "192.0.2.1");
        using var api = new HttpRequestMessage(HttpMethod.Get, "/admin/api/users") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", SiloProcess.AdminToken) } };
        using var apiRefused = await http.SendAsync(api);
        using var health = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("ADMIN_ALLOWLIST", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, apiRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Metrics_WhenBasicAuthIsConfigured_NeedsItOrAnAllowlistedAddress()
    {
        await using var silo = await AdminSilo.StartAsync(new Dictionary<string, string>
        {
            ["METRICS_USERNAME"] = "prometheus",
            ["METRICS_PASSWORD"] = "scrape-secret-123",
            ["ADMIN_ALLOWLIST"] = "10.9.0.0/16",
        });
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        using var anonymous = await http.GetAsync("/metrics");
        using var wrong = await Get(http, "/metrics", null, Basic("prometheus", "nope"));
        using var right = await Get(http, "/metrics", null, Basic("prometheus", "scrape-secret-123"));
        using var allowlisted = await Get(http, "/metrics", "10.9.1.1");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowlisted.StatusCode);
    }

    [Fact]
    public async Task Startup_WhenAnAdminSettingIsBad_StopsWithASentence()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = SiloProcess.Environment(database, "silo-bad");
        environment["ADMIN_SESSION_HOURS"] = "forever";

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(SiloProcess.AssemblyPath, environment, TimeSpan.FromSeconds(30)));

        Assert.Contains("ADMIN_SESSION_HOURS must be a number of hours above 0 and at most 720; 'forever' is not.", failure.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Get(HttpClient http, string path, string? forwardedFor, AuthenticationHeaderValue? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        request.Headers.Authorization = authorization;
        return http.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ac_admin_session=", StringComparison.Ordinal));

    [GeneratedRegex("ac_admin_session=([^;]+)")]
    private static partial Regex SessionCookieValue();

    [GeneratedRegex("Key: <code>([A-Z2-7]+)</code>")]
    private static partial Regex KeyShown();
}

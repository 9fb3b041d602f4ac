using System.Buffers.Text;
using System.Security.Cryptography;
using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>
/// Log in and out. The first run creates the account "admin" with API_SECRET_KEY as its password. The login form
/// echoes a random cookie (so no other site can post it), every attempt is audited, and failures say nothing about
/// which part was wrong.
/// </summary>
public static partial class LoginPages
{
    public const string FirstLogin = "admin";
    private const int MaxLoginLength = 100;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/login", ShowAsync);
        routes.MapPost("/admin/login", LogInAsync);
    }

    public static void MapLogout(RouteGroupBuilder pages) => pages.MapPost("/logout", LogOutAsync);

    public static async Task<IResult> ShowAsync(HttpContext http, IAdminSessions sessions, string? @return)
    {
        if (http.Request.Cookies[AdminCookies.Session] is { Length: > 0 } token && await sessions.FindAsync(token, http.RequestAborted) is not null)
        {
            return Results.Redirect(SafeReturn(@return));
        }
        return Form(http, @return, login: null, error: null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> LogInAsync(
        HttpContext http, IAdminAccounts accounts, IAdminSessions sessions, IAuditLog audit,
        IOptions<AdminOptions> options, IOptions<FrontEndOptions> frontEnd, ILoggerFactory loggers)
    {
        var form = await AdminForms.ReadAsync(http);
        var login = AdminForms.Text(form, "login") ?? "";
        var password = form["password"].ToString();
        var returnTo = AdminForms.Text(form, "return");
        var address = ClientAddress.TextOf(http);
        if (http.Request.Cookies[AdminCookies.Login] is not { } formToken || !SecretComparer.Matches(formToken, form[AdminSessionFilter.CsrfField].ToString()))
        {
            return Form(http, returnTo, login, "The login form had expired. Enter your login again.", StatusCodes.Status400BadRequest);
        }
        if (login.Length is 0 or > MaxLoginLength || password.Length is 0 or > 1024)
        {
            return Form(http, returnTo, login, "Enter your login and password.", StatusCodes.Status400BadRequest);
        }
        await accounts.EnsureFirstAccountAsync(FirstLogin, frontEnd.Value.ApiSecretKey, http.RequestAborted);
        var result = await accounts.VerifyAsync(login, password, AdminForms.Text(form, "code"), http.RequestAborted);
        if (result.Outcome != AdminLoginOutcome.Succeeded)
        {
            LogRefused(loggers.CreateLogger(typeof(LoginPages)), address, AdminFormat.Name(result.Outcome));
            await audit.RecordAsync(new AuditRecord("admin.login_refused", "admin", login.ToLowerInvariant(), new Actor("anonymous", "anonymous", address),
                new Dictionary<string, string?> { ["reason"] = AdminFormat.Name(result.Outcome), ["user_agent"] = UserAgent(http) }), http.RequestAborted);
            return Form(http, returnTo, login, result.Outcome == AdminLoginOutcome.Locked
                ? "Too many failed attempts: this account refuses logins for a few minutes."
                : "Wrong login, password or code.", StatusCodes.Status401Unauthorized);
        }
        var opened = await sessions.OpenAsync(login, address, UserAgent(http), options.Value.SessionLifetime, http.RequestAborted);
        await audit.RecordAsync(new AuditRecord("admin.login", "admin", opened.Session.Login, Actor.Admin(opened.Session.Login, address),
            new Dictionary<string, string?> { ["user_agent"] = UserAgent(http) }), http.RequestAborted);
        AdminCookies.Set(http, AdminCookies.Session, opened.Token, opened.Session.ExpiresAt);
        AdminCookies.Clear(http, AdminCookies.Login);
        return Results.Redirect(SafeReturn(returnTo));
    }

    public static async Task<IResult> LogOutAsync(HttpContext http, IAdminSessions sessions, IAuditLog audit)
    {
        var admin = AdminRequest.Of(http);
        await sessions.CloseAsync(admin.Token, http.RequestAborted);
        await audit.RecordAsync(new AuditRecord("admin.logout", "admin", admin.Login, admin.Actor), http.RequestAborted);
        AdminCookies.Clear(http, AdminCookies.Session);
        return Results.Redirect("/admin/login");
    }

    /// <summary>Only a path inside the admin UI: never another site, never a protocol-relative URL.</summary>
    public static string SafeReturn(string? path) =>
        path is { Length: > 0 } && path.StartsWith("/admin", StringComparison.Ordinal) && !path.StartsWith("//", StringComparison.Ordinal)
            && !path.Contains('\\', StringComparison.Ordinal) && !path.StartsWith("/admin/login", StringComparison.Ordinal)
            ? path
            : "/admin";

    private static IResult Form(HttpContext http, string? returnTo, string? login, string? error, int status)
    {
        // The same token for every login form of this browser, so that two open tabs both work.
        var token = http.Request.Cookies[AdminCookies.Login] is { Length: 43 } existing && existing.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? existing
            : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        AdminCookies.Set(http, AdminCookies.Login, token, expires: null);
        return AdminPages.Bare("Log in", Html.Of(
            $"""
            {AdminPages.Message("error", error)}
            <form method="post" action="/admin/login" class="panel" autocomplete="on">
              <input type="hidden" name="{AdminSessionFilter.CsrfField}" value="{token}">
              <input type="hidden" name="return" value="{SafeReturn(returnTo)}">
              {AdminForms.Field("login", "Login", login, required: true, extra: Html.Of($" autocomplete=\"username\" autofocus"))}
              {AdminForms.Field("password", "Password", null, "password", required: true, extra: Html.Of($" autocomplete=\"current-password\""))}
              {AdminForms.Field("code", "Code from your authenticator app (if you turned it on)", null, hint: null,
                  extra: Html.Of($" inputmode=\"numeric\" autocomplete=\"one-time-code\" pattern=\"[0-9 ]*\""))}
              <p><button type="submit">Log in</button></p>
            </form>
            """), status);
    }

    private static string? UserAgent(HttpContext http) =>
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 200)] : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin login refused from {Address}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? address, string reason);
}

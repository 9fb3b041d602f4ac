using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Integrations.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>The admin's own account (password, second factor) and the list of admin accounts, where new ones are added.</summary>
public static class AccountPage
{
    public const string TotpIssuer = "Anomaly Connect";

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["password"] = "Your password was changed. Your other sessions were logged out.",
        ["totp-on"] = "The second factor is on: logins now need a code from your app.",
        ["totp-off"] = "The second factor is off.",
        ["admin"] = "The account was created.",
    };

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/account", (HttpContext http, IAdminAccounts accounts, string? done) =>
            RenderAsync(http, accounts, done is null ? null : Notices.GetValueOrDefault(done), null, null));
        pages.MapPost("/account/password", ChangePasswordAsync);
        pages.MapPost("/account/totp/start", StartTotpAsync);
        pages.MapPost("/account/totp/confirm", (HttpContext http, IAdminAccounts accounts, IAuditLog audit) => TotpAsync(http, accounts, audit, enable: true));
        pages.MapPost("/account/totp/disable", (HttpContext http, IAdminAccounts accounts, IAuditLog audit) => TotpAsync(http, accounts, audit, enable: false));
        pages.MapPost("/account/admins", CreateAdminAsync);
    }

    public static async Task<IResult> ChangePasswordAsync(HttpContext http, IAdminAccounts accounts, IAdminSessions sessions, IAuditLog audit)
    {
        var admin = AdminRequest.Of(http);
        var form = await AdminForms.ReadAsync(http);
        var fresh = form["new_password"].ToString();
        var error = fresh != form["repeat_password"].ToString()
            ? "The new password and its repetition differ."
            : await accounts.ChangePasswordAsync(admin.Login, form["current_password"].ToString(), fresh, http.RequestAborted);
        if (error is not null)
        {
            return await RenderAsync(http, accounts, null, error, null);
        }
        await sessions.CloseAllAsync(admin.Login, admin.Token, http.RequestAborted);
        await audit.RecordAsync(new AuditRecord("admin.password_changed", "admin", admin.Login, admin.Actor), http.RequestAborted);
        return Results.Redirect("/admin/account?done=password");
    }

    public static async Task<IResult> StartTotpAsync(HttpContext http, IAdminAccounts accounts)
    {
        var enrollment = await accounts.StartTotpAsync(AdminRequest.Of(http).Login, TotpIssuer, http.RequestAborted);
        return await RenderAsync(http, accounts, null, null, enrollment);
    }

    public static async Task<IResult> CreateAdminAsync(HttpContext http, IAdminAccounts accounts, IAuditLog audit)
    {
        var admin = AdminRequest.Of(http);
        var form = await AdminForms.ReadAsync(http);
        var login = AdminForms.Text(form, "login") ?? "";
        var error = await accounts.CreateAsync(login, form["password"].ToString(), http.RequestAborted);
        if (error is not null)
        {
            return await RenderAsync(http, accounts, null, error, null);
        }
        await audit.RecordAsync(new AuditRecord("admin.account_created", "admin", login.ToLowerInvariant(), admin.Actor), http.RequestAborted);
        return Results.Redirect("/admin/account?done=admin");
    }

    private static async Task<IResult> TotpAsync(HttpContext http, IAdminAccounts accounts, IAuditLog audit, bool enable)
    {
        var admin = AdminRequest.Of(http);
        var code = AdminForms.Text(await AdminForms.ReadAsync(http), "code") ?? "";
        var done = enable
            ? await accounts.ConfirmTotpAsync(admin.Login, code, http.RequestAborted)
            : await accounts.DisableTotpAsync(admin.Login, code, http.RequestAborted);
        if (!done)
        {
            return await RenderAsync(http, accounts, null, "That code is not valid now. Check the time on your phone and try the next code.", null);
        }
        await audit.RecordAsync(new AuditRecord(enable ? "admin.totp_enabled" : "admin.totp_disabled", "admin", admin.Login, admin.Actor), http.RequestAborted);
        return Results.Redirect(enable ? "/admin/account?done=totp-on" : "/admin/account?done=totp-off");
    }

    private static async Task<IResult> RenderAsync(HttpContext http, IAdminAccounts accounts, string? notice, string? error, TotpEnrollment? enrollment)
    {
        var admin = AdminRequest.Of(http);
        var all = await accounts.ListAsync(http.RequestAborted);
        var me = all.FirstOrDefault(a => a.Login == admin.Login);
        var totp = enrollment is not null
            ? Html.Of(
                $"""
                <div class="panel">
                  <p>Scan this with your authenticator app, or type the key, then enter the code it shows.</p>
                  <img class="qr" src="{QrCode.PngDataUri(enrollment.OtpAuthUri)}" alt="QR code of the TOTP key">
                  <p>Key: <code>{enrollment.SecretBase32}</code></p>
                  <form method="post" action="/admin/account/totp/confirm" class="grid">{AdminForms.Csrf(admin)}
                    {AdminForms.Field("code", "Code", null, required: true, extra: Html.Of($" inputmode=\"numeric\" autocomplete=\"one-time-code\""))}
                    <button type="submit">Turn on</button></form>
                </div>
                """)
            : me?.TotpEnabled == true
                ? Html.Of(
                    $"""
                    <form method="post" action="/admin/account/totp/disable" class="panel grid">{AdminForms.Csrf(admin)}
                      <p>The second factor is on.</p>
                      {AdminForms.Field("code", "Current code", null, required: true, extra: Html.Of($" inputmode=\"numeric\" autocomplete=\"one-time-code\""))}
                      <button type="submit" class="danger">Turn off</button></form>
                    """)
                : Html.Of(
                    $"""
                    <form method="post" action="/admin/account/totp/start" class="panel">{AdminForms.Csrf(admin)}
                      <p>Logins need only the password. A second factor (a code from an authenticator app, RFC 6238) protects the account if the password leaks.</p>
                      <button type="submit">Set up a second factor</button></form>
                    """);
        var body = Html.Of(
            $"""
            <h2>Password</h2>
            <form method="post" action="/admin/account/password" class="panel grid">{AdminForms.Csrf(admin)}
              {AdminForms.Field("current_password", "Current password", null, "password", required: true, extra: Html.Of($" autocomplete=\"current-password\""))}
              {AdminForms.Field("new_password", "New password (12 characters or more)", null, "password", required: true, extra: Html.Of($" autocomplete=\"new-password\" minlength=\"12\""))}
              {AdminForms.Field("repeat_password", "New password again", null, "password", required: true, extra: Html.Of($" autocomplete=\"new-password\""))}
              <button type="submit">Change password</button>
            </form>
            <h2>Second factor</h2>
            {totp}
            <h2>Admin accounts</h2>
            <div class="table-wrap"><table>
              <thead><tr><th>Login</th><th>Second factor</th><th>Created</th><th>Password changed</th><th>Last login</th></tr></thead>
              <tbody>{Html.Join(all.Select(a => Html.Of(
                  $"""<tr><td>{a.Login}</td><td>{(a.TotpEnabled ? "on" : "off")}</td><td>{AdminFormat.Time(a.CreatedAt)}</td><td>{AdminFormat.Time(a.PasswordChangedAt)}</td><td>{AdminFormat.Time(a.LastLoginAt)}</td></tr>""")))}</tbody>
            </table></div>
            <form method="post" action="/admin/account/admins" class="panel grid">{AdminForms.Csrf(admin)}
              {AdminForms.Field("login", "New admin's login", null, required: true)}
              {AdminForms.Field("password", "Their first password (12 characters or more)", null, "password", required: true, extra: Html.Of($" autocomplete=\"new-password\" minlength=\"12\""))}
              <button type="submit">Add admin</button>
            </form>
            """);
        return AdminPages.Page(admin, "/admin/account", $"Account {admin.Login}", body, notice, error,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Admin;

/// <summary>
/// The admin UI's cookies: the session token, and before login a random token the login form echoes (so another site
/// cannot log a browser in). HttpOnly, SameSite=Strict, limited to /admin, Secure whenever the request came over HTTPS.
/// </summary>
public static class AdminCookies
{
    public const string Session = "ac_admin_session";
    public const string Login = "ac_admin_login";
    public const string Path = "/admin";

    public static void Set(HttpContext http, string name, string value, DateTimeOffset? expires) =>
        http.Response.Cookies.Append(name, value, Options(http, expires));

    public static void Clear(HttpContext http, string name) =>
        http.Response.Cookies.Delete(name, Options(http, expires: null));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        Expires = expires,
        IsEssential = true,
    };
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Admin;

/// <summary>
/// Guards every /admin path (the UI and the admin API): callers outside ADMIN_ALLOWLIST get 403 before anything else
/// runs. Also sets the UI's security headers: no caching, no framing, no sniffing, and a CSP with no inline script.
/// </summary>
public sealed class AdminAllowlistMiddleware(RequestDelegate next, IOptions<AdminOptions> options)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(AdminCookies.Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        var isApi = http.Request.Path.StartsWithSegments("/admin/api", StringComparison.OrdinalIgnoreCase);
        if (!isApi)
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        if (!ClientAddress.IsAllowed(http, options.Value.Allowlist))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            if (isApi)
            {
                await Results.Problem(title: "Forbidden", detail: "Your address is not on the admin allowlist (ADMIN_ALLOWLIST).",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
            }
            else
            {
                await AdminPages.Refused(StatusCodes.Status403Forbidden, "Your address is not on the admin allowlist (ADMIN_ALLOWLIST).").ExecuteAsync(http);
            }
            return;
        }
        await next(http);
    }
}

using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Admin;

/// <summary>
/// Every admin UI page but the login: a live session, and on every request that is not GET or HEAD the session's CSRF
/// token in the form field <c>_csrf</c> or the header <c>X-CSRF-Token</c> (403 otherwise). Without a session a page
/// request goes to the login form and comes back afterwards.
/// </summary>
public sealed class AdminSessionFilter(IAdminSessions sessions) : IEndpointFilter
{
    public const string CsrfField = "_csrf";
    public const string CsrfHeader = "X-CSRF-Token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = http.Request.Cookies[AdminCookies.Session];
        var session = string.IsNullOrEmpty(token) ? null : await sessions.FindAsync(token, http.RequestAborted);
        var safeMethod = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (session is null)
        {
            if (token is not null)
            {
                AdminCookies.Clear(http, AdminCookies.Session);
            }
            return safeMethod
                ? Results.Redirect("/admin/login?return=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString))
                : AdminPages.Refused(StatusCodes.Status401Unauthorized, "Your session has ended. Log in again and repeat the change.");
        }
        if (!safeMethod && !SecretComparer.Matches(session.CsrfToken, await PresentedCsrfTokenAsync(http)))
        {
            return AdminPages.Refused(StatusCodes.Status403Forbidden,
                "The request did not carry this session's CSRF token, so it was refused. Reload the page and try again.");
        }
        http.Items[AdminActor.ItemKey] = session.Login;
        http.Items[AdminRequest.ItemKey] = new AdminRequest(session, token!, Actor.Admin(session.Login, ClientAddress.TextOf(http)));
        return await next(context);
    }

    private static async Task<string?> PresentedCsrfTokenAsync(HttpContext http)
    {
        if (http.Request.Headers[CsrfHeader] is { Count: > 0 } header)
        {
            return header.ToString();
        }
        if (!http.Request.HasFormContentType)
        {
            return null;
        }
        var form = await AdminForms.ReadAsync(http);
        return form[CsrfField] is { Count: 1 } field ? field.ToString() : null;
    }
}

using System.Text;
using AnomalyConnect.Api.Admin;
using AnomalyConnect.Api.Security;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// Who may read /metrics: the basic-auth user (METRICS_USERNAME and METRICS_PASSWORD, compared in constant time), or a
/// caller on a non-empty ADMIN_ALLOWLIST; when neither is configured, everyone (nginx guards /metrics in the stack).
/// </summary>
public static class MetricsAccess
{
    public static bool Allows(HttpContext http, AdminOptions options)
    {
        if (options.MetricsNeedBasicAuth && BasicCredentialsMatch(http.Request.Headers.Authorization.ToString(), options.MetricsUsername!, options.MetricsPassword!))
        {
            return true;
        }
        if (options.Allowlist.Count > 0)
        {
            return ClientAddress.IsAllowed(http, options.Allowlist);
        }
        return !options.MetricsNeedBasicAuth;
    }

    public static bool BasicCredentialsMatch(string header, string username, string password)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }
        // Both are compared whatever the first says, so the time taken does not tell which one was wrong.
        var userMatches = SecretComparer.Matches(username, decoded[..colon]);
        var passwordMatches = SecretComparer.Matches(password, decoded[(colon + 1)..]);
        return userMatches & passwordMatches;
    }
}

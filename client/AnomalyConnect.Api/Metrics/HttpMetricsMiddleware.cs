using AnomalyConnect.Contracts.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// Times every front-end request by method, route template and status (unmatched paths share one route, so scanners
/// cannot blow up the series count), and counts every <c>/webhooks/*</c> request by webhook and result.
/// </summary>
public sealed class HttpMetricsMiddleware(RequestDelegate next, TimeProvider clock)
{
    private const string WebhooksPrefix = "/webhooks";

    public async Task InvokeAsync(HttpContext http)
    {
        var started = clock.GetTimestamp();
        var endpoint = http.GetEndpoint();
        var failed = false;
        try
        {
            await next(http);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !http.Response.HasStarted ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
            var route = (endpoint ?? http.GetEndpoint()) is RouteEndpoint routeEndpoint ? routeEndpoint.RoutePattern.RawText ?? "unmatched" : "unmatched";
            var statusText = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            AnomalyMetrics.HttpRequestDuration.Record(clock.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("method", Method(http.Request.Method)),
                new KeyValuePair<string, object?>("route", route),
                new KeyValuePair<string, object?>("status", statusText));
            if (http.Request.Path.StartsWithSegments(WebhooksPrefix, StringComparison.OrdinalIgnoreCase))
            {
                AnomalyMetrics.WebhookRequests.Add(1,
                    new KeyValuePair<string, object?>("webhook", WebhookName(route)),
                    new KeyValuePair<string, object?>("result", Result(status)),
                    new KeyValuePair<string, object?>("status", statusText));
            }
        }
    }

    /// <summary>"/webhooks/yookassa" → "yookassa"; a path no route matched → "unknown".</summary>
    public static string WebhookName(string route)
    {
        var prefix = WebhooksPrefix + "/";
        if (!route.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return "unknown";
        }
        var rest = route[prefix.Length..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }

    public static string Result(int status) => status switch
    {
        >= 200 and < 300 => "ok",
        400 or 413 or 415 or 422 => "invalid",
        401 or 403 => "unauthorized",
        404 or 405 => "not_found",
        >= 500 => "error",
        _ => "rejected",
    };

    private static string Method(string method) =>
        HttpMethods.IsGet(method) ? "GET"
        : HttpMethods.IsPost(method) ? "POST"
        : HttpMethods.IsPut(method) ? "PUT"
        : HttpMethods.IsDelete(method) ? "DELETE"
        : HttpMethods.IsPatch(method) ? "PATCH"
        : HttpMethods.IsHead(method) ? "HEAD"
        : HttpMethods.IsOptions(method) ? "OPTIONS"
        : "OTHER";
}

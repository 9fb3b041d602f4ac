using AnomalyConnect.Api.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Metrics;

/// <summary><c>GET /metrics</c>: every instrument of the AnomalyConnect meter in the Prometheus text format.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        // Listening starts now, so counters count from start-up rather than from the first scrape.
        routes.ServiceProvider.GetRequiredService<MetricsCollector>();
        routes.ServiceProvider.GetRequiredService<OperationalGauges>();
        routes.MapGet("/metrics", ScrapeAsync);
        return routes;
    }

    public static async Task<IResult> ScrapeAsync(
        HttpContext http, MetricsCollector collector, OperationalSnapshotSource source, IOptions<AdminOptions> options)
    {
        if (!MetricsAccess.Allows(http, options.Value))
        {
            if (options.Value.MetricsNeedBasicAuth)
            {
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"metrics\", charset=\"UTF-8\"";
                return Results.Problem(title: "Unauthorized", detail: "/metrics needs the basic-auth credentials METRICS_USERNAME and METRICS_PASSWORD.",
                    statusCode: StatusCodes.Status401Unauthorized);
            }
            return Results.Problem(title: "Forbidden", detail: "Your address is not on the admin allowlist (ADMIN_ALLOWLIST).",
                statusCode: StatusCodes.Status403Forbidden);
        }
        await source.RefreshAsync(http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(PrometheusText.Write(collector.Collect()), PrometheusText.ContentType);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Api.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>The MeterListener-based collector and the database-backed gauges behind /metrics.</summary>
    public static IServiceCollection AddAnomalyMetrics(this IServiceCollection services)
    {
        services.AddSingleton<MetricsCollector>();
        services.AddSingleton<OperationalSnapshotSource>();
        services.AddSingleton<OperationalGauges>();
        return services;
    }

    /// <summary>Request durations and webhook results; goes early in the pipeline so that refused requests count too.</summary>
    public static IApplicationBuilder UseAnomalyMetrics(this IApplicationBuilder app) => app.UseMiddleware<HttpMetricsMiddleware>();
}

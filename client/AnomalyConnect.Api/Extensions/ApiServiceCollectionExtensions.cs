using System.Text.Json;
using System.Text.Json.Serialization;
using AnomalyConnect.Api.Apis;
using AnomalyConnect.Api.Apis.Admin;
using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Api.Extensions;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Everything the front end needs besides the grains: snake_case JSON and RFC 7807 errors.</summary>
    public static IServiceCollection AddFrontEnd(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.AddSingleton<AdminTokenFilter>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<FrontEndOptions>>((forwarded, frontEnd) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in frontEnd.Value.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        services.AddProblemDetails();
        // Bad bodies throw, so that the handler below explains them instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<StateStoreUnavailableHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        Admin.AdminUiServiceCollectionExtensions.AddAdminUi(services);
        Metrics.MetricsServiceCollectionExtensions.AddAnomalyMetrics(services);
        return services;
    }

    /// <summary>The error pipeline; every failure leaves as problem details.</summary>
    public static WebApplication UseFrontEnd(this WebApplication app)
    {
        app.UseForwardedHeaders();
        Metrics.MetricsServiceCollectionExtensions.UseAnomalyMetrics(app);
        Admin.AdminUiServiceCollectionExtensions.UseAdminAllowlist(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Every route of the public HTTP contract that is implemented in this build.</summary>
    public static IEndpointRouteBuilder MapFrontEnd(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthApi();
        routes.MapAdminNodesApi();
        routes.MapAdminUsersApi();
        routes.MapHysteriaAuthApi();
        Apis.Payments.PaymentsApi.MapPaymentsApi(routes);
        Apis.Corporate.CorporateApi.MapCorporateApi(routes);
        Apis.Subscriptions.SubscriptionsApi.MapSubscriptionsApi(routes);
        Apis.Telegram.TelegramWebhookApi.MapTelegramWebhookApi(routes);
        routes.MapAdminBulkActionsApi();
        routes.MapAdminNodeConfigsApi();
        routes.MapAdminAuditApi();
        Admin.AdminUiServiceCollectionExtensions.MapAdminUi(routes);
        Metrics.MetricsApi.MapMetrics(routes);
        return routes;
    }

    /// <summary>Malformed JSON, wrong types, unknown fields, missing bodies: 400 with what was wrong, never 500.</summary>
    private sealed class BadRequestHandler(IProblemDetailsService problemDetails) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException badRequest)
            {
                return false;
            }
            httpContext.Response.StatusCode = badRequest.StatusCode;
            var detail = badRequest.InnerException is JsonException json
                ? $"The JSON body could not be read: {json.Message}"
                : badRequest.Message;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = badRequest.StatusCode, Title = "The request is not valid", Detail = detail },
            });
        }
    }

    /// <summary>The database went away: the request changed nothing and the caller may retry (503, not 500).</summary>
    private sealed class StateStoreUnavailableHandler(IProblemDetailsService problemDetails) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not StateStoreUnavailableException)
            {
                return false;
            }
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = "5";
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service temporarily unavailable",
                    Detail = "The state store is unavailable; nothing was changed. Retry shortly.",
                },
            });
        }
    }
}

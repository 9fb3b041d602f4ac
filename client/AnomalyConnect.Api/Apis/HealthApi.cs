using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis;

/// <summary><c>/healthz</c>: the process is up; <c>/readyz</c>: PostgreSQL answers.</summary>
public static class HealthApi
{
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", GetHealth);
        routes.MapMethods("/healthz", [HttpMethods.Head], GetHealth);
        routes.MapGet("/readyz", GetReadinessAsync);
        return routes;
    }

    public static Ok<HealthResponse> GetHealth() => TypedResults.Ok(new HealthResponse("ok"));

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> GetReadinessAsync(
        IReadinessProbe probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadinessTimeout);
        return await probe.IsReadyAsync(timeout.Token)
            ? TypedResults.Ok(new HealthResponse("ready"))
            : TypedResults.Problem(
                title: "Not ready",
                detail: "PostgreSQL does not answer.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthResponse(string Status);

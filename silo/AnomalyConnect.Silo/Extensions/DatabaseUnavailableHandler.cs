using AnomalyConnect.Grains.Runtime;
using Microsoft.AspNetCore.Diagnostics;

namespace AnomalyConnect.Silo.Extensions;

/// <summary>
/// Any request that met an unreachable PostgreSQL (from a grain, a directory or a lookup) changed nothing:
/// 503 problem details with Retry-After, never a 500.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StateStore.IsUnavailable(exception) && !(exception.InnerException is { } inner && StateStore.IsUnavailable(inner)))
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily unavailable",
                Detail = "The state store is unavailable; nothing was changed. Retry shortly.",
            },
        });
    }
}

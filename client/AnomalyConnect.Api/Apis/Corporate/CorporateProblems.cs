using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>The corporate API's refusals, as RFC 7807 problem details.</summary>
public static class CorporateProblems
{
    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(title: "Unauthorized", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem(title: "The request body is too large", detail: $"The body may be at most {maxBytes} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    public static ProblemHttpResult TooManyFailures(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many failed attempts",
            detail: $"Too many failed authentications from this address; try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}

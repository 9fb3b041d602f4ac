using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>The answers of the payment endpoints beyond <see cref="Problems"/>, and who the admin is for the audit trail.</summary>
public static class PaymentProblems
{
    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(title: "Service temporarily unavailable", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(title: "The request is too large", detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge);

    public static Actor AdminOf(HttpContext context) =>
        Actor.Admin(context.Items[AdminActor.ItemKey] as string ?? "api-token", context.Connection.RemoteIpAddress?.ToString());
}

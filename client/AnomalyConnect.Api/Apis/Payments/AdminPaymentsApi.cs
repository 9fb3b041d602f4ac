using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>Payments under <c>/admin/api/payments</c> (list, read, refund) and revenue at <c>/admin/api/revenue</c>.</summary>
public static class AdminPaymentsApi
{
    public static IEndpointRouteBuilder MapAdminPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin/api").AddEndpointFilter<AdminTokenFilter>();
        admin.MapGet("/payments", ListAsync);
        admin.MapGet("/payments/{paymentId}", GetAsync);
        admin.MapPost("/payments/{paymentId}/refund", RefundAsync);
        admin.MapGet("/revenue", RevenueAsync);
        return routes;
    }

    public static async Task<Results<Ok<PaymentPageResponse>, ProblemHttpResult>> ListAsync(
        [FromQuery(Name = "user_id")] string? userId,
        string? status,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        IPaymentDirectory directory,
        CancellationToken cancellationToken)
    {
        PaymentStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<PaymentStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || status.Any(char.IsDigit))
            {
                return Problems.BadRequest("status must be one of pending, succeeded, canceled, refunded.");
            }
            statusFilter = parsed;
        }
        if (page is < 1 || pageSize is < 1 or > 500)
        {
            return Problems.BadRequest("page must be at least 1 and page_size between 1 and 500.");
        }
        var (pageNumber, size) = (page ?? 1, pageSize ?? 50);
        var payments = await directory.ListAsync(string.IsNullOrWhiteSpace(userId) ? null : userId, statusFilter, pageNumber, size, cancellationToken);
        return TypedResults.Ok(new PaymentPageResponse(payments, pageNumber, size));
    }

    public static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> GetAsync(string paymentId, IGrainFactory grains) =>
        PaymentIds.IsWellFormed(paymentId) && await grains.GetGrain<IPaymentGrain>(paymentId).GetAsync() is { } payment
            ? TypedResults.Ok(payment)
            : Problems.NotFound($"There is no payment '{paymentId}'.");

    /// <summary>200 when refunded (or already), 202 when the provider accepted it and will confirm later.</summary>
    public static async Task<Results<Ok<PaymentView>, Accepted<PaymentView>, ProblemHttpResult>> RefundAsync(
        string paymentId, IGrainFactory grains, HttpContext context)
    {
        if (!PaymentIds.IsWellFormed(paymentId))
        {
            return Problems.NotFound($"There is no payment '{paymentId}'.");
        }
        var result = await grains.GetGrain<IPaymentGrain>(paymentId).RefundAsync(PaymentProblems.AdminOf(context));
        return result switch
        {
            { Outcome: PaymentOutcome.NotFound } => Problems.NotFound($"There is no payment '{paymentId}'."),
            { Outcome: PaymentOutcome.ProviderUnavailable } => PaymentProblems.Unavailable(result.Error ?? "The payment provider could not be reached; nothing was refunded."),
            { Outcome: PaymentOutcome.Done, Payment: { Status: PaymentStatus.Succeeded } pending } => TypedResults.Accepted($"/admin/api/payments/{paymentId}", pending),
            { Outcome: PaymentOutcome.Done or PaymentOutcome.Unchanged, Payment: { } payment } => TypedResults.Ok(payment),
            _ => Problems.Conflict(result.Error ?? "The payment cannot be refunded."),
        };
    }

    public static async Task<Ok<RevenueResponse>> RevenueAsync(IPaymentDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok(RevenueResponse.Of(await directory.RevenueAsync(now, cancellationToken), now));
    }
}

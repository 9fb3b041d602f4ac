using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// <c>POST /webhooks/hr-events</c>: the raw body is read (bounded) and its HMAC verified in constant time before anything
/// parses it; a bad or missing signature is 401 and changes nothing. Hired grants, terminated and suspended deactivate,
/// reinstated reactivates; each event id applies once, and an event older than the last applied changes nothing.
/// </summary>
public static class HrEventsApi
{
    private const string LogCategory = "AnomalyConnect.Api.Apis.Corporate.HrEventsApi";

    public static IEndpointRouteBuilder MapHrEventsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/hr-events", ReceiveAsync);
        return routes;
    }

    public static async Task<Results<Ok<HrEventResponse>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, IGrainFactory grains, AuthFailureLimiter limiter, IOptions<FrontEndOptions> frontEnd,
        IOptions<CorporateOptions> corporate, IOptions<JsonOptions> json, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var address = ClientAddress.Of(http);
        if (limiter.IsLimited(address, out var retryAfter))
        {
            CorporateLog.RateLimited(logger, address);
            return CorporateProblems.TooManyFailures(http, retryAfter);
        }
        var signature = http.Request.Headers[HrSignature.HeaderName];
        if (signature.Count != 1)
        {
            return Rejected(limiter, logger, address);
        }
        if (await RequestBody.ReadAsync(http.Request, cancellationToken) is not { } raw)
        {
            return CorporateProblems.TooLarge(RequestBody.MaxBytes);
        }
        if (!HrSignature.IsValid(frontEnd.Value.WebhookSecret, signature[0], raw))
        {
            return Rejected(limiter, logger, address);
        }
        var (body, error) = RequestBody.Parse<HrEventBody>(raw, json.Value.SerializerOptions);
        if (body is null)
        {
            return Problems.BadRequest(error!);
        }
        if (Problem(body) is { } problem)
        {
            return Problems.BadRequest(problem);
        }
        var hrEvent = ToEvent(body, corporate.Value);
        var actor = Actor.HrEvent(hrEvent.EventId, address) with { Reference = body.Type };
        var result = await grains.GetGrain<IEmployeeGrain>(hrEvent.EmployeeId).ApplyHrEventAsync(hrEvent, actor);
        var status = result.Outcome switch
        {
            EmployeeOutcome.Duplicate => HrEventResponse.Duplicate,
            EmployeeOutcome.Stale => HrEventResponse.Stale,
            EmployeeOutcome.Invalid => null,
            _ => HrEventResponse.Applied,
        };
        CorporateMetrics.RecordEvent(body.Type!, status ?? "invalid");
        if (status is null)
        {
            return Problems.BadRequest(result.Error ?? "The event could not be applied.");
        }
        CorporateLog.HrEventHandled(logger, hrEvent.EventId, body.Type!, hrEvent.EmployeeId, status);
        return TypedResults.Ok(new HrEventResponse(status));
    }

    private static ProblemHttpResult Rejected(AuthFailureLimiter limiter, ILogger logger, string address)
    {
        limiter.RecordFailure(address);
        CorporateLog.SignatureRejected(logger, address);
        return CorporateProblems.Unauthorized(
            $"The HR webhook needs the header {HrSignature.HeaderName}: sha256=<hex HMAC-SHA256 of the raw body with WEBHOOK_SECRET>.");
    }

    /// <summary>A hired event without days gets CORPORATE_DEFAULT_DAYS, as a grant does.</summary>
    private static HrEvent ToEvent(HrEventBody body, CorporateOptions options) =>
        new(body.EventId!, TypeOf(body.Type)!.Value, body.EmployeeId!, body.OccurredAt!.Value.ToUniversalTime(),
            body.FullName, body.Email, body.Days ?? options.DefaultDays);

    private static string? Problem(HrEventBody body) => body switch
    {
        _ when !CorporateIds.IsWellFormedEventId(body.EventId) => "event_id is required: 1 to 200 printable characters without spaces.",
        _ when TypeOf(body.Type) is null =>
            "type must be one of employee.hired, employee.terminated, employee.suspended, employee.reinstated.",
        _ when !CorporateIds.IsWellFormedEmployeeId(body.EmployeeId) =>
            "employee_id is required: letters, digits, '-', '_', '.', '@' and ':', up to 64 characters.",
        { OccurredAt: null } => "occurred_at is required (ISO 8601).",
        { Days: < 1 or > CorporateOptions.MaxDays } => $"days must be between 1 and {CorporateOptions.MaxDays}.",
        { FullName.Length: > 200 } => "full_name may be at most 200 characters.",
        { Email.Length: > 254 } => "email may be at most 254 characters.",
        _ => null,
    };

    private static HrEventType? TypeOf(string? type) => type switch
    {
        "employee.hired" => HrEventType.Hired,
        "employee.terminated" => HrEventType.Terminated,
        "employee.suspended" => HrEventType.Suspended,
        "employee.reinstated" => HrEventType.Reinstated,
        _ => null,
    };
}

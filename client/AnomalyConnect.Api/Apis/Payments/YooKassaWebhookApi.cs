using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Integrations.YooKassa;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>
/// <c>POST /webhooks/yookassa</c>. Anyone can post here, so the body only names an object: it is read back from
/// YooKassa's API and only what the API says counts. 200 whenever the notification is dealt with (including "not ours"
/// and "not confirmed"), 503 when the API could not be asked, so that YooKassa delivers it again.
/// </summary>
public static class YooKassaWebhookApi
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapYooKassaWebhookApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/yookassa", HandleAsync);
        return routes;
    }

    public static async Task<Results<Ok<YooKassaWebhookResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext context, IYooKassaNotifications notifications, CancellationToken cancellationToken)
    {
        if (!notifications.IsConfigured)
        {
            return Problems.NotFound("YooKassa payments are not configured here.");
        }
        if (!notifications.AcceptsSender(context.Connection.RemoteIpAddress))
        {
            return PaymentProblems.Forbidden("YooKassa notifications are accepted only from YooKassa's published addresses.");
        }
        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return PaymentProblems.TooLarge($"A YooKassa notification is at most {MaxBodyBytes / 1024} KB.");
        }
        if (!YooKassaNotification.TryParse(body, out var notification, out var error))
        {
            return Problems.BadRequest(error);
        }
        var outcome = await notifications.HandleAsync(notification.Event, notification.ObjectId, cancellationToken);
        if (outcome == YooKassaNotificationOutcome.ProviderUnavailable)
        {
            context.Response.Headers.RetryAfter = "30";
            return PaymentProblems.Unavailable("YooKassa's API could not be asked about this notification; nothing was changed. Deliver it again.");
        }
        return TypedResults.Ok(new YooKassaWebhookResponse(outcome));
    }

    /// <summary>The body, or null when it is larger than a notification can be.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

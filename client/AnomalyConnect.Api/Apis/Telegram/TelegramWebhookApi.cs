using System.Text;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Api.Apis.Telegram;

/// <summary>
/// <c>POST /webhooks/telegram</c>: Telegram's webhook calls. The secret header is checked, in constant time, before a
/// byte of the body is read; the update then only goes into the bot's durable inbox (which drops a redelivered one),
/// and 200 tells Telegram it may forget it. Where the bot is not in webhook mode the route answers 404.
/// </summary>
public static class TelegramWebhookApi
{
    public const string Path = "/webhooks/telegram";

    /// <summary>Telegram's updates are a few kilobytes; a megabyte leaves room for the largest and stops abuse.</summary>
    public const int MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder MapTelegramWebhookApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, ReceiveAsync);
        return routes;
    }

    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var secrets = context.RequestServices.GetService<ITelegramWebhookSecret>();
        if (secrets is null || await secrets.GetExpectedAsync(cancellationToken) is not { } expected)
        {
            return Problems.NotFound("The Telegram bot does not take webhook calls here.");
        }
        var presented = context.Request.Headers[TelegramWebhookSecret.HeaderName];
        if (presented.Count != 1 || !TelegramWebhookSecret.Matches(presented[0], expected))
        {
            return TypedResults.Problem(
                title: "Unauthorized",
                detail: $"The {TelegramWebhookSecret.HeaderName} header is missing or wrong.",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        if (await ReadBodyAsync(context, cancellationToken) is not { } json)
        {
            return TypedResults.Problem(
                title: "Payload too large",
                detail: $"A Telegram update is at most {MaxBodyBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        var inbox = context.RequestServices.GetRequiredService<ITelegramInbox>();
        return await inbox.AdmitAsync(json, cancellationToken) == InboxAdmission.Unreadable
            ? Problems.BadRequest("The body is not a Telegram update: a JSON object with a numeric update_id.")
            : TypedResults.Ok();
    }

    /// <summary>The body as text, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

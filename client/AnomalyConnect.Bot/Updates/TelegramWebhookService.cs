using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Updates;

/// <summary>
/// Webhook mode: tells Telegram where to POST updates (BOT_WEBHOOK_URL) and with which secret, retrying with backoff
/// until Telegram accepts. The updates themselves arrive at the front end's <c>POST /webhooks/telegram</c>.
/// </summary>
internal sealed partial class TelegramWebhookService(
    IServiceProvider services,
    ITelegramWebhookSecret secrets,
    BotOptions options,
    TimeProvider clock,
    ILogger<TelegramWebhookService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = options.WebhookUrl!;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var secret = await secrets.GetExpectedAsync(stoppingToken);
                await services.GetRequiredService<TelegramBotClient>()
                    .SetWebhookAsync(url.AbsoluteUri, secret, TelegramUpdateTypes.Bot, dropPendingUpdates: false, stoppingToken);
                LogRegistered(logger, url.GetLeftPart(UriPartial.Path));
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var wait = e is TelegramApiException { RetryAfter: { } retryAfter } ? retryAfter : backoff;
                LogFailed(logger, wait.TotalSeconds, e.GetType().Name, e.Message);
                await Task.Delay(wait, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot: webhook mode, updates are posted to {Url}")]
    private static partial void LogRegistered(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "setWebhook failed; retrying in {DelaySeconds} s: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, double delaySeconds, string errorType, string error);
}

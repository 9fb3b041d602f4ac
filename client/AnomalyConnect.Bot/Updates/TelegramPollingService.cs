using System.Text.Json;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Updates;

/// <summary>
/// Long polling: takes updates from Telegram and puts them into the inbox; the offset that confirms them to Telegram
/// moves past an update only after the inbox committed it, so a crash can make Telegram send an update again (the
/// inbox drops the copy) but never lose one. Errors back off exponentially up to a minute; 429 waits its retry_after.
/// </summary>
internal sealed partial class TelegramPollingService(
    IServiceProvider services,
    ITelegramInbox inbox,
    TimeProvider clock,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private const int PollSeconds = 25;
    private const int BatchSize = 100;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? offset = null;
        var webhookRemoved = false;
        var backoff = FirstBackoff;
        LogStarted(logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var client = services.GetRequiredService<TelegramBotClient>();
                if (!webhookRemoved)
                {
                    // A webhook left from webhook mode would make getUpdates fail with 409; pending updates are kept.
                    await client.DeleteWebhookAsync(dropPendingUpdates: false, stoppingToken);
                    webhookRemoved = true;
                }
                var updates = await client.GetUpdatesAsync(offset, BatchSize, PollSeconds, TelegramUpdateTypes.Bot, stoppingToken);
                foreach (var update in updates)
                {
                    var admission = await inbox.AdmitAsync(JsonSerializer.Serialize(update, TelegramJson.Options), stoppingToken);
                    if (update.ParseError is not null)
                    {
                        LogUnreadable(logger, update.UpdateId, update.ParseError);
                    }
                    LogAdmitted(logger, update.UpdateId, admission);
                    offset = update.UpdateId + 1;
                }
                backoff = FirstBackoff;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var wait = e is TelegramApiException { RetryAfter: { } retryAfter } ? retryAfter : backoff;
                if (e is TelegramApiException { ErrorCode: 409 })
                {
                    LogConflict(logger, wait.TotalSeconds);
                    webhookRemoved = false;
                }
                else
                {
                    LogPollFailed(logger, wait.TotalSeconds, e.GetType().Name, e.Message);
                }
                await Task.Delay(wait, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot: long polling")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId}: {Admission}")]
    private static partial void LogAdmitted(ILogger logger, long updateId, InboxAdmission admission);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} could not be read ({Error}); recorded and skipped")]
    private static partial void LogUnreadable(ILogger logger, long updateId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates conflicts with another poller or a webhook; retrying in {DelaySeconds} s")]
    private static partial void LogConflict(ILogger logger, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Telegram failed; retrying in {DelaySeconds} s: {ErrorType}: {Error}")]
    private static partial void LogPollFailed(ILogger logger, double delaySeconds, string errorType, string error);
}

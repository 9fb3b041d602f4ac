using AnomalyConnect.Contracts.Bot;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Updates;

/// <summary>Forgets processed updates after a week: Telegram redelivers an update for a day at most.</summary>
internal sealed partial class InboxJanitor(ITelegramInbox inbox, TimeProvider clock, ILogger<InboxJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var removed = await inbox.PruneAsync(clock.GetUtcNow() - KeptFor, stoppingToken);
                if (removed > 0)
                {
                    LogPruned(logger, removed);
                }
                await Task.Delay(Every, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e.Message);
                await Task.Delay(Every, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} processed Telegram updates older than a week")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the Telegram inbox failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}

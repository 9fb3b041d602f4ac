using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Silo.Extensions;

/// <summary>Without BOT_TOKEN there is no chat to tell: reminders and warnings are dropped (and counted in the log).</summary>
internal sealed partial class DiscardedNotificationsHandler(ILogger<DiscardedNotificationsHandler> logger) : IOutboxHandler
{
    public string Kind => OutboxKinds.UserNotification;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        LogDiscarded(logger, message.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification {Id} dropped: no Telegram bot is configured (BOT_TOKEN)")]
    private static partial void LogDiscarded(ILogger logger, long id);
}

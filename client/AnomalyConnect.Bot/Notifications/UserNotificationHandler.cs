using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Notifications;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Notifications;

/// <summary>
/// Delivers the user grain's reminders and warnings (outbox kind <c>user.notification</c>) in the chat's language.
/// A chat that blocked the bot is skipped and the entry completed; flood control is waited out here when short and
/// otherwise thrown, so the outbox retries later (the rate limiter keeps every retry behind <c>retry_after</c>); a
/// message Telegram refuses for good (400, "chat not found") goes to the dead letters; any other failure throws, so
/// nothing is lost.
/// </summary>
internal sealed partial class UserNotificationHandler(
    BotSender sender,
    IGrainFactory grains,
    ILogger<UserNotificationHandler> logger) : IOutboxHandler
{
    public string Kind => BotOutboxKinds.UserNotification;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var notification = message.Read<UserNotification>();
        var chat = await grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(notification.TelegramId)).GetAsync();
        if (chat is { Blocked: true })
        {
            LogSkipped(logger, message.Id, notification.TelegramId);
            return;
        }
        var texts = BotTexts.For(chat?.LanguageCode);
        var keyboard = notification.Kind is UserNotificationKind.AccessGranted or UserNotificationKind.AccessRevoked
            ? BotKeyboards.AfterPurchase(texts)
            : BotKeyboards.Renew(texts);
        try
        {
            await sender.SendTextAsync(notification.TelegramId, texts.Notification(notification), keyboard, SendPolicy.Delivery, cancellationToken: cancellationToken);
        }
        catch (ChatUnreachableException)
        {
            LogSkipped(logger, message.Id, notification.TelegramId);
        }
        catch (TelegramApiException e) when (e.ErrorCode == 400)
        {
            // Telegram refuses this message for good (the chat does not exist, the text is wrong): retrying cannot help.
            throw new PermanentDeliveryFailureException($"Telegram refused the notification: {e.Description}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Id} not sent: chat {ChatId} blocked the bot")]
    private static partial void LogSkipped(ILogger logger, long id, long chatId);
}

using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Corporate;

/// <summary>
/// Asks the linked Telegram account to approve or deny a corporate config request (outbox kind
/// <c>corporate.approval-request</c>). A prompt for a request already past its deadline, or for a chat that blocked
/// the bot, is dropped; failures otherwise throw so the outbox retries.
/// </summary>
internal sealed partial class ConfigApprovalHandler(
    BotSender sender,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<ConfigApprovalHandler> logger) : IOutboxHandler
{
    public string Kind => CorporateOutboxKinds.ApprovalRequest;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var request = message.Read<ConfigApprovalRequested>();
        if (request.ExpiresAt <= clock.GetUtcNow())
        {
            LogExpired(logger, request.RequestId);
            return;
        }
        var chat = await grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(request.TelegramId)).GetAsync();
        if (chat is { Blocked: true })
        {
            LogBlocked(logger, request.RequestId, request.TelegramId);
            return;
        }
        var texts = BotTexts.For(chat?.LanguageCode);
        try
        {
            await sender.SendTextAsync(request.TelegramId, texts.ConfigApprovalPrompt(request.Channel, request.ExpiresAt),
                BotKeyboards.Approval(texts, request.RequestId), SendPolicy.Delivery, cancellationToken: cancellationToken);
        }
        catch (ChatUnreachableException)
        {
            LogBlocked(logger, request.RequestId, request.TelegramId);
        }
        catch (TelegramApiException e) when (e.ErrorCode == 400)
        {
            // Telegram refuses this message for good (the chat does not exist, the text is wrong): retrying cannot help.
            throw new PermanentDeliveryFailureException($"Telegram refused the prompt: {e.Description}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval prompt for config request {RequestId} dropped: it expired before it could be sent")]
    private static partial void LogExpired(ILogger logger, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval prompt for config request {RequestId} not sent: chat {ChatId} blocked the bot")]
    private static partial void LogBlocked(ILogger logger, string requestId, long chatId);
}

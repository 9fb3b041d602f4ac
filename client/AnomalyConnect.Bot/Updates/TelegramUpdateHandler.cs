using System.Text.Json;
using AnomalyConnect.Bot.Conversations;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Updates;

/// <summary>
/// Processes updates from the inbox (outbox kind <c>telegram.update</c>), one at a time per chat, in order. An update
/// already processed (a redelivered entry) is skipped. A transient failure — Telegram's flood control or a 5xx, the
/// network, the database, a payment provider — throws, and the update is processed again later: it is never lost.
/// A failure that repeats (a bug, a message Telegram refuses) gives up after a few attempts with an apology, so one bad
/// update cannot hold up the chat for ever.
/// </summary>
internal sealed partial class TelegramUpdateHandler(
    ITelegramInbox inbox,
    UpdateDispatcher dispatcher,
    BotSender sender,
    IGrainFactory grains,
    ILogger<TelegramUpdateHandler> logger) : IOutboxHandler
{
    /// <summary>Attempts a non-transient failure gets before the update is given up.</summary>
    public const int AttemptsBeforeGivingUp = 3;

    public string Kind => BotOutboxKinds.TelegramUpdate;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var envelope = message.Read<TelegramUpdateMessage>();
        if (await inbox.IsProcessedAsync(envelope.UpdateId, cancellationToken))
        {
            return;
        }
        try
        {
            await dispatcher.DispatchAsync(Parse(envelope), envelope.ChatId, cancellationToken);
        }
        catch (ChatUnreachableException)
        {
            // The user blocked the bot while we were answering: there is nobody to answer.
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            LogRetrying(logger, envelope.UpdateId, message.Attempt, e.GetType().Name, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException && message.Attempt < AttemptsBeforeGivingUp)
        {
            LogFailed(logger, envelope.UpdateId, message.Attempt, e);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogGaveUp(logger, envelope.UpdateId, message.Attempt, e);
            await ApologizeAsync(envelope.ChatId, cancellationToken);
        }
        await inbox.MarkProcessedAsync(envelope.UpdateId, cancellationToken);
    }

    /// <summary>Worth processing again: nothing about the update itself is wrong.</summary>
    public static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        TelegramApiException telegram => telegram.IsTransient,
        TelegramFloodWaitException or StateStoreUnavailableException or PaymentProviderUnavailableException or HttpRequestException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static Update Parse(TelegramUpdateMessage envelope)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(envelope.UpdateJson, TelegramJson.Options)
                ?? new Update { UpdateId = envelope.UpdateId, ParseError = "The update is null." };
        }
        catch (JsonException e)
        {
            return new Update { UpdateId = envelope.UpdateId, ParseError = e.Message };
        }
    }

    private async Task ApologizeAsync(long chatId, CancellationToken cancellationToken)
    {
        if (chatId <= 0)
        {
            return;
        }
        try
        {
            var texts = BotTexts.For((await grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(chatId)).GetAsync())?.LanguageCode);
            await sender.SendTextAsync(chatId, texts.SomethingWentWrong, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogApologyFailed(logger, chatId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} will be processed again (attempt {Attempt}): {ErrorType}: {Error}")]
    private static partial void LogRetrying(ILogger logger, long updateId, int attempt, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} failed on attempt {Attempt}; it will be tried again")]
    private static partial void LogFailed(ILogger logger, long updateId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} failed {Attempt} times and is given up; the user was told")]
    private static partial void LogGaveUp(ILogger logger, long updateId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apologise to chat {ChatId}: {Error}")]
    private static partial void LogApologyFailed(ILogger logger, long chatId, string error);
}

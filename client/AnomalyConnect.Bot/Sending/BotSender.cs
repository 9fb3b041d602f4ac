using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Sending;

/// <summary>
/// Every call the bot makes to Telegram goes through here: within the rate limits, honouring <c>retry_after</c> (the
/// whole process pauses for it, so no later call goes out sooner either), and turning a 403 (blocked, deleted, never
/// started) into a chat marked blocked plus <see cref="ChatUnreachableException"/>. Other failures reach the caller, which retries.
/// </summary>
internal sealed partial class BotSender(
    IServiceProvider services,
    TelegramRateLimiter limiter,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<BotSender> logger)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PreCheckoutPatience = TimeSpan.FromSeconds(5);

    public Task<Message> SendTextAsync(
        long chatId, string text, InlineKeyboardMarkup? keyboard = null, SendPolicy? policy = null, bool html = true, CancellationToken cancellationToken = default) =>
        CallAsync(chatId, policy ?? SendPolicy.Interactive, "sendMessage",
            (client, ct) => client.SendMessageAsync(chatId, text, html ? ParseMode.Html : null, keyboard, LinkPreviewOptions.Disabled, ct), cancellationToken);

    public Task<Message> SendPhotoAsync(
        long chatId, byte[] png, string? caption, InlineKeyboardMarkup? keyboard = null, SendPolicy? policy = null, CancellationToken cancellationToken = default) =>
        CallAsync(chatId, policy ?? SendPolicy.Interactive, "sendPhoto",
            (client, ct) => client.SendPhotoAsync(chatId, png, caption, caption is null ? null : ParseMode.Html, keyboard, ct), cancellationToken);

    public Task<Message> SendInvoiceAsync(SendInvoiceRequest invoice, CancellationToken cancellationToken) =>
        CallAsync(invoice.ChatId, SendPolicy.Interactive, "sendInvoice", (client, ct) => client.SendInvoiceAsync(invoice, ct), cancellationToken);

    /// <summary>Replaces the text of a message the bot sent (menu navigation); sends a new message when it cannot be edited.</summary>
    public async Task ShowAsync(long chatId, long? messageId, string text, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        if (messageId is { } id && await TryEditAsync(chatId, id, text, keyboard, SendPolicy.Interactive, cancellationToken))
        {
            return;
        }
        await SendTextAsync(chatId, text, keyboard, cancellationToken: cancellationToken);
    }

    /// <summary>Edits a message; false when Telegram refused the edit (too old, deleted, not text).</summary>
    public async Task<bool> TryEditAsync(long chatId, long messageId, string text, InlineKeyboardMarkup? keyboard, SendPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(chatId, policy, "editMessageText",
                (client, ct) => client.EditMessageTextAsync(chatId, messageId, text, ParseMode.Html, keyboard, LinkPreviewOptions.Disabled, ct), cancellationToken);
            return true;
        }
        catch (TelegramApiException e) when (e.ErrorCode == 400)
        {
            return e.Description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Stops a button's spinner. Best effort: a query older than Telegram keeps them is not worth a retry.</summary>
    public async Task AnswerCallbackAsync(string callbackQueryId, string? text = null, bool alert = false, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            await Client().AnswerCallbackQueryAsync(callbackQueryId, text, alert, ct: timeout.Token);
        }
        catch (TelegramApiException e)
        {
            if (e.IsRateLimited)
            {
                limiter.Pause(e.RetryAfter!.Value);
            }
            LogCallbackAnswerFailed(logger, e.ErrorCode, e.Description);
        }
    }

    /// <summary>
    /// Telegram waits 10 seconds for this answer, so it does not queue behind the message limits; a short flood-control
    /// wait is still honoured once, within those seconds.
    /// </summary>
    public async Task AnswerPreCheckoutAsync(string queryId, bool ok, string? error, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(8));
        try
        {
            await Client().AnswerPreCheckoutQueryAsync(queryId, ok, error, timeout.Token);
        }
        catch (TelegramApiException e) when (e.IsRateLimited && e.RetryAfter <= PreCheckoutPatience)
        {
            limiter.Pause(e.RetryAfter!.Value);
            LogRateLimited(logger, "answerPreCheckoutQuery", e.RetryAfter!.Value.TotalSeconds, 1);
            await Task.Delay(e.RetryAfter!.Value, clock, timeout.Token);
            await Client().AnswerPreCheckoutQueryAsync(queryId, ok, error, timeout.Token);
        }
    }

    private async Task<T> CallAsync<T>(long chatId, SendPolicy policy, string method, Func<TelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 || !policy.SlotTaken)
            {
                await limiter.WaitAsync(chatId, policy.PerChat, policy.MaxWait, cancellationToken);
            }
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(CallTimeout);
                return await call(Client(), timeout.Token);
            }
            catch (TelegramApiException e) when (e.IsRateLimited)
            {
                var retryAfter = e.RetryAfter!.Value;
                limiter.Pause(retryAfter);
                LogRateLimited(logger, method, retryAfter.TotalSeconds, attempt);
                if (attempt >= policy.MaxAttempts || retryAfter > policy.MaxWait)
                {
                    throw;
                }
            }
            catch (TelegramApiException e) when (e.IsBlockedByUser || e.ErrorCode == 403)
            {
                // Blocked, deleted, or never started the bot ("can't initiate conversation"): the same for us until
                // the user writes to the bot again, which unmarks the chat.
                LogChatBlocked(logger, chatId);
                await grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(chatId)).SetBlockedAsync(true);
                throw new ChatUnreachableException(chatId, e);
            }
        }
    }

    private TelegramBotClient Client() => services.GetRequiredService<TelegramBotClient>();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram flood control on {Method}: retry after {RetryAfterSeconds} s (attempt {Attempt})")]
    private static partial void LogRateLimited(ILogger logger, string method, double retryAfterSeconds, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} blocked the bot; marked and skipped from now on")]
    private static partial void LogChatBlocked(ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "answerCallbackQuery failed with {ErrorCode}: {Description}")]
    private static partial void LogCallbackAnswerFailed(ILogger logger, int errorCode, string description);
}

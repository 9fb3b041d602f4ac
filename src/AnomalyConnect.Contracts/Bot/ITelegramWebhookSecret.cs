namespace AnomalyConnect.Contracts.Bot;

/// <summary>
/// What the front end checks <c>X-Telegram-Bot-Api-Secret-Token</c> against. Registered only where the bot is
/// configured; null means the bot is not in webhook mode (the endpoint then does not exist).
/// </summary>
public interface ITelegramWebhookSecret
{
    ValueTask<string?> GetExpectedAsync(CancellationToken cancellationToken);
}

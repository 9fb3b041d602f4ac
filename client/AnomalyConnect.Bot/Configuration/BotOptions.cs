namespace AnomalyConnect.Bot.Configuration;

/// <summary>
/// The bot's settings, read from the environment by <see cref="BotOptionsReader"/>. A class rather than a record so
/// that printing it never prints the token or the webhook secret.
/// </summary>
public sealed class BotOptions
{
    public const int DefaultTrialDays = 3;
    public const int DefaultBroadcastRate = 25;

    /// <summary>Telegram's limit for one bot across all chats, messages per second.</summary>
    public const int TelegramMessagesPerSecond = 30;

    /// <summary>BOT_TOKEN: goes into every Bot API URL, never into a log.</summary>
    public required string Token { get; init; }

    /// <summary>TELEGRAM_API_URL; Telegram's own server when unset.</summary>
    public required Uri ApiBaseUrl { get; init; }

    /// <summary>ADMIN_IDS: Telegram user ids allowed to use the admin commands.</summary>
    public required IReadOnlyList<long> AdminIds { get; init; }

    /// <summary>APP_URL: the public base of subscription links.</summary>
    public required string AppUrl { get; init; }

    /// <summary>BOT_WEBHOOK_URL: set → webhook mode (Telegram POSTs updates to the front end); unset → long polling.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>BOT_WEBHOOK_SECRET; generated once and kept in the database when unset.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>TRIAL_DAYS: length of the one free trial; 0 turns the trial off.</summary>
    public int TrialDays { get; init; } = DefaultTrialDays;

    /// <summary>SUPPORT_URL: where the support button leads.</summary>
    public string? SupportUrl { get; init; }

    /// <summary>SUPPORT_USERNAME: a Telegram account for support, without '@'.</summary>
    public string? SupportUsername { get; init; }

    /// <summary>BOT_USERNAME: the bot's own username, for deep links (invitations).</summary>
    public string? BotUsername { get; init; }

    /// <summary>TELEGRAM_PAYMENT_PROVIDER_TOKEN: bank cards through Telegram Payments; unset turns that method off.</summary>
    public string? PaymentProviderToken { get; init; }

    /// <summary>Whether YooKassa is configured (YOOKASSA_SHOP_ID), so the bot offers it.</summary>
    public bool YooKassaEnabled { get; init; }

    /// <summary>BOT_BROADCAST_RATE: broadcast messages per second, at most Telegram's 30 (the rest is left for replies).</summary>
    public int BroadcastRate { get; init; } = DefaultBroadcastRate;

    public bool IsAdmin(long telegramId) => AdminIds.Contains(telegramId);
}

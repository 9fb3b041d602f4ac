using AnomalyConnect.Integrations.Telegram;
using AnomalyConnect.Integrations.YooKassa;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// How payments are taken, read from the environment by <see cref="PaymentSettings"/>. A class rather than a record
/// so that printing it never prints the YooKassa key or the bot token.
/// </summary>
public sealed class PaymentOptions
{
    public static readonly TimeSpan DefaultPendingTimeout = TimeSpan.FromMinutes(60);

    /// <summary>The shop (YOOKASSA_SHOP_ID, YOOKASSA_SECRET_KEY, YOOKASSA_API_URL); null when YooKassa is off.</summary>
    public YooKassaOptions? YooKassa { get; init; }

    /// <summary>Where YooKassa sends the payer back after paying (YOOKASSA_RETURN_URL, else APP_URL).</summary>
    public Uri? YooKassaReturnUrl { get; init; }

    /// <summary>Hear YooKassa notifications only from YooKassa's published addresses (YOOKASSA_CHECK_IP).</summary>
    public bool YooKassaCheckIp { get; init; }

    /// <summary>Send a fiscal receipt with every YooKassa payment (YOOKASSA_RECEIPT), to the user's e-mail or <see cref="ReceiptEmail"/>.</summary>
    public bool YooKassaReceipt { get; init; }

    public string? ReceiptEmail { get; init; }

    /// <summary>Telegram Payments (cards) are sold only with a provider token (TELEGRAM_PAYMENT_PROVIDER_TOKEN).</summary>
    public bool TelegramPaymentsEnabled { get; init; }

    /// <summary>The bot (BOT_TOKEN, TELEGRAM_API_URL), for refunding Stars; null without a bot.</summary>
    public TelegramBotOptions? Bot { get; init; }

    /// <summary>A payment still pending this long is canceled by its own timer (PAYMENT_PENDING_TIMEOUT_MINUTES).</summary>
    public TimeSpan PendingTimeout { get; init; } = DefaultPendingTimeout;

    /// <summary>The longest one call to YooKassa or to the Bot API may take.</summary>
    public TimeSpan ProviderTimeout { get; init; } = TimeSpan.FromSeconds(15);
}

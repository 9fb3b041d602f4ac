namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// Parameters of <c>sendInvoice</c>. For Telegram Stars use <see cref="TelegramCurrencies.Stars"/>, an empty
/// <see cref="ProviderToken"/> and one price; for roubles the payment provider's token.
/// </summary>
public sealed record SendInvoiceRequest
{
    public required long ChatId { get; init; }

    /// <summary>1–32 characters.</summary>
    public required string Title { get; init; }

    /// <summary>1–255 characters.</summary>
    public required string Description { get; init; }

    /// <summary>1–128 bytes, not shown to the user; comes back in the pre-checkout query and the successful payment.</summary>
    public required string Payload { get; init; }

    public string ProviderToken { get; init; } = string.Empty;

    public required string Currency { get; init; }

    public required IReadOnlyList<LabeledPrice> Prices { get; init; }

    /// <summary>JSON handed to the provider, e.g. a YooKassa receipt for Telegram Payments.</summary>
    public string? ProviderData { get; init; }

    public string? StartParameter { get; init; }

    public string? PhotoUrl { get; init; }

    public bool? NeedEmail { get; init; }

    public bool? NeedPhoneNumber { get; init; }

    public bool? SendEmailToProvider { get; init; }

    public bool? SendPhoneNumberToProvider { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}

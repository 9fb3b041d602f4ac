namespace AnomalyConnect.Grains.Bot;

/// <summary>The chat grain's state.</summary>
internal sealed class TelegramChatState
{
    public DateTimeOffset FirstSeenAt { get; set; }

    public string? LanguageCode { get; set; }

    public bool Blocked { get; set; }

    public DateTimeOffset? BlockedAt { get; set; }

    public string? PendingInput { get; set; }

    public string? Referrer { get; set; }

    public string? DiscountCode { get; set; }

    public long LastUpdateId { get; set; }
}

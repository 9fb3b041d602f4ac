namespace AnomalyConnect.Contracts.Bot;

/// <summary>A chat as the bot remembers it.</summary>
public sealed record TelegramChatView(
    long ChatId,
    string? LanguageCode,
    bool Blocked,
    DateTimeOffset? BlockedAt,
    string? PendingInput,
    string? Referrer,
    string? DiscountCode,
    DateTimeOffset FirstSeenAt);

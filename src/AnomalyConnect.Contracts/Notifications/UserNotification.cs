namespace AnomalyConnect.Contracts.Notifications;

/// <summary>A message for a user's Telegram chat, queued by the user grain and delivered by the bot from the outbox.</summary>
public sealed record UserNotification(
    string UserId,
    long TelegramId,
    UserNotificationKind Kind,
    DateTimeOffset? ExpiresAt,
    long? TrafficLimitBytes,
    long UsedBytes);

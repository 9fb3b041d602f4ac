namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// The Bot API answered <c>ok: false</c> (or something that is not a Bot API answer; then <see cref="ErrorCode"/> is the
/// HTTP status). The message never contains the token.
/// </summary>
public sealed class TelegramApiException(
    int errorCode,
    string description,
    TimeSpan? retryAfter = null,
    string? method = null,
    long? migrateToChatId = null)
    : Exception(method is null
        ? $"Telegram Bot API error {errorCode}: {description}"
        : $"Telegram Bot API {method} failed with {errorCode}: {description}")
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    /// <summary>From <c>parameters.retry_after</c>: how long Telegram wants us to wait before the next call.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public string? Method { get; } = method;

    /// <summary>From <c>parameters.migrate_to_chat_id</c>: the group became a supergroup with this id.</summary>
    public long? MigrateToChatId { get; } = migrateToChatId;

    /// <summary>The user blocked the bot or deleted their account: retrying will not help until they come back.</summary>
    public bool IsBlockedByUser =>
        ErrorCode == 403
        && (Description.Contains("bot was blocked by the user", StringComparison.OrdinalIgnoreCase)
            || Description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase));

    public bool IsRateLimited => ErrorCode == 429 && RetryAfter is not null;

    /// <summary>Worth trying again later: flood control or a server-side failure.</summary>
    public bool IsTransient => ErrorCode == 429 || ErrorCode >= 500;
}

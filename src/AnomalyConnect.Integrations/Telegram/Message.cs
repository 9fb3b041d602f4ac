using System.Text.Json.Serialization;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>A message (<c>Message</c>), with the fields the bot reads; the rest of Telegram's fields are ignored.</summary>
public sealed record Message
{
    public required long MessageId { get; init; }

    public User? From { get; init; }

    public required Chat Chat { get; init; }

    /// <summary>Unix seconds; 0 for a message Telegram no longer gives access to.</summary>
    public long Date { get; init; }

    public long? EditDate { get; init; }

    public string? Text { get; init; }

    public string? Caption { get; init; }

    public IReadOnlyList<PhotoSize>? Photo { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    public SuccessfulPayment? SuccessfulPayment { get; init; }

    public RefundedPayment? RefundedPayment { get; init; }

    [JsonIgnore]
    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeSeconds(Date);
}

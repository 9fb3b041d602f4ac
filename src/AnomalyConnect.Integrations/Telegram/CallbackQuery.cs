namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// A press on an inline button (<c>CallbackQuery</c>). <see cref="Message"/> is the message that carried the keyboard; for
/// a message too old to be accessible Telegram sends only its chat, id and a zero date.
/// </summary>
public sealed record CallbackQuery
{
    public required string Id { get; init; }

    public required User From { get; init; }

    public Message? Message { get; init; }

    public string? InlineMessageId { get; init; }

    public string? ChatInstance { get; init; }

    public string? Data { get; init; }
}

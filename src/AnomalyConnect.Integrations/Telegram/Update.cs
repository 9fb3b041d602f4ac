using System.Text.Json.Serialization;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// One incoming update (<c>Update</c>). At most one of the payload properties is set; an update of a kind we do not model
/// has none of them set and still carries its <see cref="UpdateId"/>, so the offset moves past it.
/// </summary>
public sealed record Update
{
    public required long UpdateId { get; init; }

    public Message? Message { get; init; }

    public Message? EditedMessage { get; init; }

    public CallbackQuery? CallbackQuery { get; init; }

    public PreCheckoutQuery? PreCheckoutQuery { get; init; }

    public ChatMemberUpdated? MyChatMember { get; init; }

    /// <summary>
    /// Set when a known field of this update had a shape we could not read: the update is handed over with only its id
    /// rather than failing the whole batch, which would stall long polling on it forever.
    /// </summary>
    [JsonIgnore]
    public string? ParseError { get; init; }
}

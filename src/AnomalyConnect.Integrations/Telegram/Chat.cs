namespace AnomalyConnect.Integrations.Telegram;

/// <summary>A chat (<c>Chat</c>). <see cref="Type"/> stays a string so that a new chat type never breaks parsing.</summary>
public sealed record Chat
{
    public const string TypePrivate = "private";

    public required long Id { get; init; }

    public string Type { get; init; } = string.Empty;

    public string? Title { get; init; }

    public string? Username { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}

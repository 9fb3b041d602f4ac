namespace AnomalyConnect.Integrations.Telegram;

/// <summary>A Telegram user or bot (<c>User</c>).</summary>
public sealed record User
{
    public required long Id { get; init; }

    public bool IsBot { get; init; }

    public string FirstName { get; init; } = string.Empty;

    public string? LastName { get; init; }

    public string? Username { get; init; }

    public string? LanguageCode { get; init; }
}

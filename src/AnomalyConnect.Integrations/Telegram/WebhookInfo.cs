namespace AnomalyConnect.Integrations.Telegram;

/// <summary>The current webhook (<c>WebhookInfo</c>); an empty <see cref="Url"/> means long polling.</summary>
public sealed record WebhookInfo
{
    public string Url { get; init; } = string.Empty;

    public bool HasCustomCertificate { get; init; }

    public int PendingUpdateCount { get; init; }

    public long? LastErrorDate { get; init; }

    public string? LastErrorMessage { get; init; }

    public int? MaxConnections { get; init; }

    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}

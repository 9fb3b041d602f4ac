namespace AnomalyConnect.Integrations.Telegram;

/// <summary>One size of a sent photo (<c>PhotoSize</c>); <see cref="FileId"/> can be sent again instead of the bytes.</summary>
public sealed record PhotoSize
{
    public required string FileId { get; init; }

    public string? FileUniqueId { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public long? FileSize { get; init; }
}

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>How a link preview is shown (<c>LinkPreviewOptions</c>), the successor of <c>disable_web_page_preview</c>.</summary>
public sealed record LinkPreviewOptions
{
    public static LinkPreviewOptions Disabled { get; } = new() { IsDisabled = true };

    public bool? IsDisabled { get; init; }

    public string? Url { get; init; }
}

using System.Text.Json.Serialization;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>How Telegram reads the markup of a text or caption.</summary>
public enum ParseMode
{
    [JsonStringEnumMemberName("HTML")]
    Html,

    [JsonStringEnumMemberName("MarkdownV2")]
    MarkdownV2,

    [JsonStringEnumMemberName("Markdown")]
    Markdown,
}

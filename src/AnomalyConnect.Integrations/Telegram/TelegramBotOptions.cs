using System.ComponentModel.DataAnnotations;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// Where the Bot API is and the bot's token. A class rather than a record so that printing it never prints the token.
/// </summary>
public sealed class TelegramBotOptions
{
    public const string SectionName = "Telegram";

    public static readonly Uri DefaultBaseUrl = new("https://api.telegram.org");

    /// <summary>The Bot API server; tests point it at a loopback fake (<c>TELEGRAM_API_URL</c>).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The token from @BotFather (<c>BOT_TOKEN</c>). It goes into every request URL: never log those.</summary>
    [Required]
    public string Token { get; set; } = string.Empty;
}

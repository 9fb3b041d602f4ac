using System.Globalization;
using System.Text.RegularExpressions;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Bot.Configuration;

/// <summary>Reads the bot's variables; every unusable value becomes a sentence that names it, and start-up stops.</summary>
public static partial class BotOptionsReader
{
    /// <exception cref="ConfigurationProblemException">A variable is set but unusable.</exception>
    public static BotOptions Read(IConfiguration configuration, BotHosting hosting)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(hosting);
        var problems = new List<string>();
        if (!TokenShape().IsMatch(hosting.Token))
        {
            // Never echo the value: it may be a real token with a typo.
            problems.Add("BOT_TOKEN does not look like a bot token from @BotFather (digits, a colon, then letters, digits, '_' or '-').");
        }
        var options = new BotOptions
        {
            Token = hosting.Token,
            AdminIds = hosting.AdminIds,
            AppUrl = hosting.AppUrl.TrimEnd('/'),
            ApiBaseUrl = ApiUrl(configuration["TELEGRAM_API_URL"], problems),
            WebhookUrl = WebhookUrl(configuration["BOT_WEBHOOK_URL"], problems),
            WebhookSecret = WebhookSecret(configuration["BOT_WEBHOOK_SECRET"], problems),
            TrialDays = Number(configuration["TRIAL_DAYS"], "TRIAL_DAYS", 0, 365, BotOptions.DefaultTrialDays, "days of the free trial (0 turns it off)", problems),
            SupportUrl = SupportUrl(configuration["SUPPORT_URL"], problems),
            SupportUsername = Username(configuration["SUPPORT_USERNAME"], "SUPPORT_USERNAME", problems),
            BotUsername = Username(configuration["BOT_USERNAME"], "BOT_USERNAME", problems),
            PaymentProviderToken = Trimmed(configuration["TELEGRAM_PAYMENT_PROVIDER_TOKEN"]),
            YooKassaEnabled = Trimmed(configuration["YOOKASSA_SHOP_ID"]) is not null,
            BroadcastRate = Number(configuration["BOT_BROADCAST_RATE"], "BOT_BROADCAST_RATE", 1, BotOptions.TelegramMessagesPerSecond,
                BotOptions.DefaultBroadcastRate, "broadcast messages per second; Telegram allows a bot 30", problems),
        };
        return problems.Count == 0 ? options : throw new ConfigurationProblemException(problems);
    }

    private static Uri ApiUrl(string? raw, List<string> problems)
    {
        if (Trimmed(raw) is not { } text)
        {
            return TelegramBotOptions.DefaultBaseUrl;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }
        problems.Add($"TELEGRAM_API_URL must be an absolute http:// or https:// URL such as https://api.telegram.org; '{text}' is not.");
        return TelegramBotOptions.DefaultBaseUrl;
    }

    private static Uri? WebhookUrl(string? raw, List<string> problems)
    {
        if (Trimmed(raw) is not { } text)
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"BOT_WEBHOOK_URL must be an absolute https:// URL ending in /webhooks/telegram; '{text}' is not.");
            return null;
        }
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            problems.Add("BOT_WEBHOOK_URL must use https://: Telegram calls webhooks over HTTPS only (plain http is accepted for loopback tests).");
            return null;
        }
        return url;
    }

    private static string? WebhookSecret(string? raw, List<string> problems)
    {
        if (Trimmed(raw) is not { } secret)
        {
            return null;
        }
        if (!TelegramWebhookSecret.IsValid(secret))
        {
            problems.Add("BOT_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, '_' and '-' (Telegram's rule); leave it empty to have one generated.");
            return null;
        }
        return secret;
    }

    private static string? SupportUrl(string? raw, List<string> problems)
    {
        if (Trimmed(raw) is not { } text)
        {
            return null;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url.AbsoluteUri;
        }
        problems.Add($"SUPPORT_URL must be an absolute URL such as https://t.me/anomaly_support; '{text}' is not.");
        return null;
    }

    private static string? Username(string? raw, string name, List<string> problems)
    {
        if (Trimmed(raw) is not { } text)
        {
            return null;
        }
        var username = text.TrimStart('@');
        if (UsernameShape().IsMatch(username))
        {
            return username;
        }
        problems.Add($"{name} must be a Telegram username (5 to 32 letters, digits or '_', with or without '@'); '{text}' is not.");
        return null;
    }

    private static int Number(string? raw, string name, int min, int max, int fallback, string purpose, List<string> problems)
    {
        if (Trimmed(raw) is not { } text)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        problems.Add($"{name} must be a whole number from {min} to {max} ({purpose}); '{text}' is not.");
        return fallback;
    }

    private static string? Trimmed(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{4,31}$")]
    private static partial Regex UsernameShape();
}

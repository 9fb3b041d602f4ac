using System.Globalization;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;
using AnomalyConnect.Integrations.YooKassa;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// Reads the payment settings from the environment: YOOKASSA_SHOP_ID, YOOKASSA_SECRET_KEY, YOOKASSA_API_URL,
/// YOOKASSA_RETURN_URL, YOOKASSA_CHECK_IP, YOOKASSA_RECEIPT, RECEIPT_EMAIL, TELEGRAM_PAYMENT_PROVIDER_TOKEN,
/// TELEGRAM_API_URL, PAYMENT_PENDING_TIMEOUT_MINUTES. Settings that cannot work stop start-up with one sentence each.
/// </summary>
public static class PaymentSettings
{
    public const double MaxPendingTimeoutMinutes = 7 * 24 * 60;

    /// <exception cref="ConfigurationProblemException">A setting is malformed or half given.</exception>
    public static PaymentOptions Read(IConfiguration configuration, string appUrl, string? botToken)
    {
        var problems = new List<string>();
        var shopId = Text(configuration["YOOKASSA_SHOP_ID"]);
        var secretKey = Text(configuration["YOOKASSA_SECRET_KEY"]);
        YooKassaOptions? yooKassa = null;
        if (shopId is null != secretKey is null)
        {
            problems.Add(shopId is null
                ? "YOOKASSA_SECRET_KEY is set but YOOKASSA_SHOP_ID is not: YooKassa needs both, or neither to switch it off."
                : "YOOKASSA_SHOP_ID is set but YOOKASSA_SECRET_KEY is not: YooKassa needs both, or neither to switch it off.");
        }
        else if (shopId is not null && secretKey is not null)
        {
            if (shopId.Contains(':', StringComparison.Ordinal) || shopId.Any(char.IsWhiteSpace))
            {
                problems.Add("YOOKASSA_SHOP_ID must be the shop id from the YooKassa dashboard, without ':' or spaces.");
            }
            yooKassa = new YooKassaOptions
            {
                ShopId = shopId,
                SecretKey = secretKey,
                BaseUrl = ApiUrl(configuration["YOOKASSA_API_URL"], "YOOKASSA_API_URL", YooKassaOptions.DefaultBaseUrl, problems),
            };
        }

        var returnUrl = AbsoluteUrl(Text(configuration["YOOKASSA_RETURN_URL"]) ?? appUrl, "YOOKASSA_RETURN_URL", problems);
        var receipt = Flag(configuration["YOOKASSA_RECEIPT"], "YOOKASSA_RECEIPT", problems);
        var receiptEmail = Text(configuration["RECEIPT_EMAIL"]);
        if (receiptEmail is not null && !LooksLikeEmail(receiptEmail))
        {
            problems.Add($"RECEIPT_EMAIL must be an e-mail address; '{receiptEmail}' is not.");
        }
        if (receipt && receiptEmail is null)
        {
            problems.Add("YOOKASSA_RECEIPT is on but RECEIPT_EMAIL is not set: a receipt needs an address for users who gave none.");
        }

        var options = new PaymentOptions
        {
            YooKassa = yooKassa,
            YooKassaReturnUrl = returnUrl,
            YooKassaCheckIp = Flag(configuration["YOOKASSA_CHECK_IP"], "YOOKASSA_CHECK_IP", problems),
            YooKassaReceipt = receipt,
            ReceiptEmail = receiptEmail,
            TelegramPaymentsEnabled = Text(configuration["TELEGRAM_PAYMENT_PROVIDER_TOKEN"]) is not null,
            Bot = Text(botToken) is { } token
                ? new TelegramBotOptions
                {
                    Token = token,
                    BaseUrl = ApiUrl(configuration["TELEGRAM_API_URL"], "TELEGRAM_API_URL", TelegramBotOptions.DefaultBaseUrl, problems),
                }
                : null,
            PendingTimeout = PendingTimeout(configuration["PAYMENT_PENDING_TIMEOUT_MINUTES"], problems),
        };
        return problems.Count == 0 ? options : throw new ConfigurationProblemException(problems);
    }

    private static TimeSpan PendingTimeout(string? raw, List<string> problems)
    {
        if (Text(raw) is not { } text)
        {
            return PaymentOptions.DefaultPendingTimeout;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0 && minutes <= MaxPendingTimeoutMinutes)
        {
            return TimeSpan.FromMinutes(minutes);
        }
        problems.Add($"PAYMENT_PENDING_TIMEOUT_MINUTES must be a number of minutes above 0 and at most {MaxPendingTimeoutMinutes} (a week); '{text}' is not.");
        return PaymentOptions.DefaultPendingTimeout;
    }

    /// <summary>The API's base URL; the client adds <c>/v3/…</c> itself, so a URL that already ends in /v3 is taken without it.</summary>
    private static Uri ApiUrl(string? raw, string name, Uri fallback, List<string> problems)
    {
        if (Text(raw) is not { } text)
        {
            return fallback;
        }
        var url = AbsoluteUrl(text, name, problems);
        if (url is null)
        {
            return fallback;
        }
        var trimmed = url.AbsoluteUri.TrimEnd('/');
        return name == "YOOKASSA_API_URL" && trimmed.EndsWith("/v3", StringComparison.Ordinal) ? new Uri(trimmed[..^3]) : url;
    }

    private static Uri? AbsoluteUrl(string text, string name, List<string> problems)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }
        problems.Add($"{name} must be an absolute http:// or https:// URL; '{text}' is not.");
        return null;
    }

    private static bool Flag(string? raw, string name, List<string> problems)
    {
        switch (Text(raw)?.ToLowerInvariant())
        {
            case null or "false" or "0" or "no" or "off":
                return false;
            case "true" or "1" or "yes" or "on":
                return true;
            default:
                problems.Add($"{name} must be true or false; '{raw}' is neither.");
                return false;
        }
    }

    private static bool LooksLikeEmail(string text) =>
        text.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);

    private static string? Text(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
}

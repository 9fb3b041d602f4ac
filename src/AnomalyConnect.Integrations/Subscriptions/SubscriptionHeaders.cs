using System.Globalization;
using System.Text;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>
/// The response headers client apps read from a subscription. Without an expiry date <c>expire</c> is left out
/// rather than sent as 0: Happ and others show <c>expire=0</c> as a date in January 1970.
/// </summary>
public static class SubscriptionHeaders
{
    public const string UserInfo = "subscription-userinfo";
    public const string UpdateInterval = "profile-update-interval";
    public const string ProfileTitle = "profile-title";
    public const string SupportUrl = "support-url";
    public const string ContentDisposition = "content-disposition";

    private const string FallbackFileName = "subscription";

    /// <summary>Titles × support addresses × formats in use (the settings give one of each); past it the cache starts over.</summary>
    private const int MaxCachedSettings = 256;

    /// <summary>The values that come from the settings alone, worked out once rather than on every fetch.</summary>
    private static readonly BoundedCache<(string Title, string? SupportUrl, SubscriptionFormat Format), SettingsHeaders> FromSettings = new(MaxCachedSettings);

    /// <summary>Header name to value; the page format gets no content-disposition so that browsers show it.</summary>
    public static IReadOnlyDictionary<string, string> For(SubscriptionDocument document, SubscriptionFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = FromSettings.GetOrAdd((document.ProfileTitle, document.SupportUrl, format), SettingsHeadersOf);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [UserInfo] = UserInfoValue(document.Usage),
            [ProfileTitle] = settings.ProfileTitle,
        };
        if (document.UpdateIntervalHours > 0)
            headers[UpdateInterval] = document.UpdateIntervalHours.ToString(CultureInfo.InvariantCulture);
        if (settings.SupportUrl is { } supportUrl)
            headers[SupportUrl] = supportUrl;
        if (settings.ContentDisposition is { } contentDisposition)
            headers[ContentDisposition] = contentDisposition;
        return headers;
    }

    private static SettingsHeaders SettingsHeadersOf((string Title, string? SupportUrl, SubscriptionFormat Format) settings) => new(
        "base64:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.Title)),
        string.IsNullOrWhiteSpace(settings.SupportUrl) ? null : AsciiUrl(settings.SupportUrl.Trim()),
        settings.Format == SubscriptionFormat.Html ? null : ContentDispositionValue(settings.Title, SubscriptionFormats.FileExtension(settings.Format)));

    public static string UserInfoValue(SubscriptionUsage usage)
    {
        var value = string.Create(
            CultureInfo.InvariantCulture,
            $"upload={Math.Max(0, usage.UploadBytes)}; download={Math.Max(0, usage.DownloadBytes)}; total={Math.Max(0, usage.TotalBytes)}");
        return usage.ExpiresAt is { } expires
            ? string.Create(CultureInfo.InvariantCulture, $"{value}; expire={expires.ToUnixTimeSeconds()}")
            : value;
    }

    /// <summary>
    /// <c>filename</c> holds an ASCII stand-in for old clients; <c>filename*</c> (RFC 6266) the real title when it
    /// is not plain ASCII.
    /// </summary>
    public static string ContentDispositionValue(string title, string extension)
    {
        var safe = SafeFileName(title);
        var value = $"attachment; filename=\"{safe}.{extension}\"";
        var trimmed = title.Trim();
        return trimmed.Length > 0 && trimmed != safe
            ? $"{value}; filename*=UTF-8''{Uri.EscapeDataString(trimmed)}.{extension}"
            : value;
    }

    private static string SafeFileName(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                builder.Append(c);
            else if (c == ' ' && builder.Length > 0 && builder[^1] != ' ')
                builder.Append(' ');
        }

        var safe = builder.ToString().Trim(' ', '.');
        return safe.Length > 0 ? safe : FallbackFileName;
    }

    /// <summary>Header values must be ASCII: an international host becomes punycode, anything else is escaped.</summary>
    private static string AsciiUrl(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            value = uri.Host == uri.IdnHost
                ? uri.AbsoluteUri
                : new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is > ' ' and <= '~')
                builder.Append((char)rune.Value);
            else
                builder.Append(Uri.EscapeDataString(rune.ToString()));
        }

        return builder.ToString();
    }
}

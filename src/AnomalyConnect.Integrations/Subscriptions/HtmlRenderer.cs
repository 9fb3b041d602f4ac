using System.Globalization;
using System.Text;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>
/// The page a browser gets: status, usage, the subscription address and each link with a copy button and a QR
/// code, and how to import. Self-contained (inline style, script and PNG data URIs); every datum is HTML-encoded.
/// </summary>
internal static class HtmlRenderer
{
    private static readonly string[] SupportSchemes = ["https", "http", "tg", "mailto"];

    public static RenderedSubscription Render(SubscriptionDocument document)
    {
        var page = new StringBuilder();
        var title = HtmlEncode(document.ProfileTitle);
        page.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n") // the page's address carries the token
            .Append("<title>").Append(title).Append("</title>\n<style>\n").Append(HtmlAssets.Style)
            .Append("\n</style>\n</head>\n<body>\n<main>\n<h1>").Append(title).Append("</h1>\n");

        var note = RenderedProxies.BlockingNote(document);
        if (note is not null)
            page.Append("<p class=\"card status\" role=\"alert\">").Append(HtmlEncode(note)).Append("</p>\n");
        AppendUsage(page, document.Usage);
        AppendSubscription(page, document.SubscriptionUrl);
        if (note is null)
            AppendProxies(page, RenderedProxies.Of(document));
        AppendInstructions(page);
        AppendSupport(page, document.SupportUrl);
        page.Append("</main>\n<script>\n").Append(HtmlAssets.Script).Append("\n</script>\n</body>\n</html>\n");

        return new RenderedSubscription(
            "text/html; charset=utf-8",
            Encoding.UTF8.GetBytes(page.ToString()),
            SubscriptionFormats.FileExtension(SubscriptionFormat.Html));
    }

    private static void AppendUsage(StringBuilder page, SubscriptionUsage usage)
    {
        page.Append("<section class=\"card\">\n<h2>Usage</h2>\n<p>Used ").Append(Bytes(usage.UsedBytes));
        if (usage.TotalBytes > 0)
        {
            page.Append(" of ").Append(Bytes(usage.TotalBytes)).Append("</p>\n")
                .Append(CultureInfo.InvariantCulture, $"<progress max=\"{usage.TotalBytes}\" value=\"{Math.Min(usage.UsedBytes, usage.TotalBytes)}\"></progress>\n");
        }
        else
        {
            page.Append(" (no traffic limit)</p>\n");
        }

        page.Append("<p class=\"muted\">")
            .Append(usage.ExpiresAt is { } expires
                ? "Valid until " + expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
                : "No expiry date")
            .Append("</p>\n</section>\n");
    }

    private static void AppendSubscription(StringBuilder page, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return;
        page.Append("<section class=\"card\">\n<h2>Subscription</h2>\n")
            .Append("<p class=\"muted\">Add this address to your app: it keeps the server list up to date.</p>\n");
        AppendCopyable(page, url, "subscription address");
        page.Append("<img class=\"qr\" alt=\"QR code of the subscription address\" src=\"")
            .Append(HtmlEncode(QrCode.PngDataUri(url))).Append("\">\n</section>\n");
    }

    private static void AppendProxies(StringBuilder page, IReadOnlyList<RenderedProxy> proxies)
    {
        page.Append("<section class=\"card\">\n<h2>Servers</h2>\n");
        foreach (var proxy in proxies)
        {
            var link = proxy.Link.ToUri();
            page.Append("<article class=\"proxy\">\n<h3>").Append(HtmlEncode(proxy.Name)).Append("</h3>\n")
                .Append("<p class=\"muted\">").Append(ProtocolLabel(proxy.Link.Protocol));
            if (proxy.Group.Length > 0)
                page.Append(" · ").Append(HtmlEncode(proxy.Group));
            page.Append("</p>\n");
            AppendCopyable(page, link, proxy.Name);
            page.Append("<details><summary>QR code</summary><img class=\"qr\" alt=\"QR code of ")
                .Append(HtmlEncode(proxy.Name)).Append("\" src=\"").Append(HtmlEncode(QrCode.PngDataUri(link)))
                .Append("\"></details>\n</article>\n");
        }

        page.Append("</section>\n");
    }

    private static string ProtocolLabel(ProxyProtocol protocol) => protocol switch
    {
        ProxyProtocol.Vless => "VLESS",
        ProxyProtocol.Hysteria2 => "Hysteria2",
        _ => protocol.ToString(),
    };

    private static void AppendCopyable(StringBuilder page, string text, string label)
    {
        var encoded = HtmlEncode(text);
        page.Append("<div class=\"copy\"><input readonly aria-label=\"").Append(HtmlEncode(label))
            .Append("\" value=\"").Append(encoded).Append("\"><button type=\"button\" data-copy=\"").Append(encoded)
            .Append("\">Copy</button></div>\n");
    }

    private static void AppendInstructions(StringBuilder page)
    {
        page.Append("<section class=\"card\">\n<h2>How to connect</h2>\n");
        foreach (var (platform, steps) in HtmlInstructions.All)
        {
            page.Append("<details><summary>").Append(HtmlEncode(platform)).Append("</summary><p>")
                .Append(HtmlEncode(steps)).Append("</p></details>\n");
        }

        page.Append("</section>\n");
    }

    private static void AppendSupport(StringBuilder page, string? supportUrl)
    {
        // Only schemes that navigate: a javascript: address from the database must never become a link.
        if (!Uri.TryCreate(supportUrl?.Trim(), UriKind.Absolute, out var uri) || !SupportSchemes.Contains(uri.Scheme))
            return;
        page.Append("<p class=\"muted\">Questions? <a href=\"").Append(HtmlEncode(uri.AbsoluteUri))
            .Append("\" rel=\"noopener\">Contact support</a></p>\n");
    }

    // The five characters that matter in text and in double-quoted attributes; the rest of Unicode stays readable
    // (WebUtility would turn every emoji flag into a numeric reference).
    private static string HtmlEncode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB"];
        double value = Math.Max(0, bytes);
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{value:0} {units[unit]}")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {units[unit]}");
    }
}

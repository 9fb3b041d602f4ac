using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AnomalyConnect.Integrations.Subscriptions;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed partial class HtmlRendererTests
{
    [Fact]
    public void Render_WhenHtml_ServesAPageWithTitleUsageAndExpiry()
    {
        var rendered = SubscriptionRenderer.Render(Samples.Document(), SubscriptionFormat.Html);
        var html = Encoding.UTF8.GetString(rendered.Body);

        Assert.Equal("text/html; charset=utf-8", rendered.ContentType);
        Assert.Equal("html", rendered.FileExtension);
        Assert.StartsWith("<!doctype html>", html);
        Assert.Contains("<title>Anomaly Connect</title>", html);
        Assert.Contains("Used 4 GB of 50 GB", html);
        Assert.Contains("Valid until 2030-01-01 00:00 UTC", html);
        Assert.Contains("name=\"viewport\"", html);
    }

    [Fact]
    public void Render_WhenHtml_ContainsEveryLinkHtmlEncoded()
    {
        var html = Render(Samples.Document());
        var links = Links(Samples.Document());

        Assert.All(links, link =>
        {
            Assert.Contains(WebUtility.HtmlEncode(link), html);
            Assert.Contains('&', link);
            Assert.DoesNotContain(link, html); // a raw '&' would start a character reference
        });
        Assert.Equal(
            [Samples.Document().SubscriptionUrl!, .. links],
            CopyTexts().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)));
        Assert.Contains("🇳🇱 Netherlands &lt;fast&gt;", html);
        Assert.DoesNotContain("<fast>", html);
    }

    [Fact]
    public void Render_WhenHtml_EveryQrCodeDecodesToALinkOrTheSubscriptionAddress()
    {
        var document = Samples.Document();

        var decoded = QrImages(Render(document)).Select(QrDecoder.DecodePng).ToList();

        Assert.Equal([document.SubscriptionUrl!, .. Links(document)], decoded);
    }

    [Fact]
    public void Render_WhenDataCarriesMarkup_EncodesItAndLinksOnlySafeSchemes()
    {
        var document = Samples.Document() with
        {
            ProfileTitle = "<script>alert(1)</script>",
            SupportUrl = "javascript:alert(1)",
            Proxies = [new SubscriptionProxy("x", "\"><img src=x onerror=alert(1)>", "<b>", Samples.Reality())],
        };

        var html = Render(document);

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Render_WhenSupportUrlIsHttps_LinksIt()
    {
        Assert.Contains("href=\"https://t.me/anomaly_support\"", Render(Samples.Document()));
    }

    [Fact]
    public void Render_WhenHtml_GivesImportStepsForEachPlatformWithoutExternalAssets()
    {
        var html = Render(Samples.Document());

        foreach (var app in new[] { "Streisand", "Happ", "v2rayNG", "Hiddify", "v2rayN", "macOS", "Windows", "Android", "iPhone" })
            Assert.Contains(app, html);
        Assert.DoesNotMatch(ExternalReference(), html);
    }

    [Fact]
    public void Render_WhenUnlimitedAndNoExpiry_SaysSo()
    {
        var html = Render(Samples.Document() with { Usage = SubscriptionUsage.Unlimited });

        Assert.Contains("no traffic limit", html);
        Assert.Contains("No expiry date", html);
        Assert.DoesNotContain("<progress", html);
    }

    internal static string Render(SubscriptionDocument document) =>
        Encoding.UTF8.GetString(SubscriptionRenderer.Render(document, SubscriptionFormat.Html).Body);

    internal static IEnumerable<byte[]> QrImages(string html) =>
        DataUri().Matches(html).Select(match => Convert.FromBase64String(match.Groups[1].Value));

    private static List<string> Links(SubscriptionDocument document) =>
        Encoding.UTF8.GetString(SubscriptionRenderer.Render(document, SubscriptionFormat.Links).Body).Split('\n').ToList();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex DataUri();

    [GeneratedRegex("data-copy=\"([^\"]*)\"")]
    private static partial Regex CopyTexts();

    [GeneratedRegex("src=\"(https?:)?//|<link|@import|url\\(")]
    private static partial Regex ExternalReference();
}

using System.Text;
using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Integrations.Subscriptions;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed class LinksRendererTests
{
    [Fact]
    public void Render_WhenBase64_DecodesToOneLinkPerProxyBestFirst()
    {
        var rendered = SubscriptionRenderer.Render(Samples.Document(), SubscriptionFormat.Base64);

        var lines = Encoding.UTF8.GetString(Convert.FromBase64String(Encoding.ASCII.GetString(rendered.Body))).Split('\n');

        Assert.Equal("text/plain; charset=utf-8", rendered.ContentType);
        Assert.Equal("txt", rendered.FileExtension);
        Assert.Equal(
            [
                Samples.Reality() with { Name = "🇩🇪 Germany" },
                Samples.Hysteria2() with { Name = "🇳🇱 Netherlands <fast>" },
                Samples.Tls() with { Name = "🇩🇪 Germany 2" },
            ],
            lines.Select(Parse));
    }

    [Fact]
    public void Render_WhenLinks_IsThePlainTextOfTheBase64Form()
    {
        var document = Samples.Document();

        var plain = Encoding.UTF8.GetString(SubscriptionRenderer.Render(document, SubscriptionFormat.Links).Body);
        var base64 = Encoding.ASCII.GetString(SubscriptionRenderer.Render(document, SubscriptionFormat.Base64).Body);

        Assert.Equal(plain, Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        Assert.Equal(3, plain.Split('\n').Length);
        Assert.StartsWith("vless://", plain);
    }

    [Fact]
    public void Render_WhenNamesDifferOnlyInCase_NumbersTheLaterOnes()
    {
        var document = Samples.Document() with
        {
            Proxies =
            [
                new SubscriptionProxy("de-1", "🇩🇪 Germany", "", Samples.Reality()),
                new SubscriptionProxy("de-2", "🇩🇪 GERMANY", "", Samples.Tls()),
                new SubscriptionProxy("de-3", "auto", "", Samples.Hysteria2()),
                new SubscriptionProxy("de-4", "Ü\u0085ber\t", "", Samples.Reality()),
                new SubscriptionProxy("de-5", "ü ber", "", Samples.Tls()),
            ],
        };

        var names = Lines(SubscriptionRenderer.Render(document, SubscriptionFormat.Links)).Select(line => Parse(line).Name);

        Assert.Equal(["🇩🇪 Germany", "🇩🇪 GERMANY 2", "auto 2", "Ü ber", "ü ber 2"], names);
    }

    [Fact]
    public void Render_WhenLinks_EachLineIsItsLinksOwnUri()
    {
        var document = Samples.Document();

        var lines = Lines(SubscriptionRenderer.Render(document, SubscriptionFormat.Links));

        Assert.Equal(lines.Select(line => Parse(line).ToUri()), lines);
        Assert.Contains(lines, line => line.StartsWith("hysteria2://p%40ss:w%2Frd%3F%23%25+%C3%BC@", StringComparison.Ordinal));
    }

    private static string[] Lines(RenderedSubscription rendered) => Encoding.UTF8.GetString(rendered.Body).Split('\n');

    private static ShareLink Parse(string line)
    {
        Assert.True(ShareLink.TryParse(line, out var link), line);
        return link;
    }
}

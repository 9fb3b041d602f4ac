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

    private static ShareLink Parse(string line)
    {
        Assert.True(ShareLink.TryParse(line, out var link), line);
        return link;
    }
}

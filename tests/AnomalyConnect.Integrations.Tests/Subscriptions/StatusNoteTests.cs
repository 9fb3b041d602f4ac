using System.Text;
using System.Text.Json;
using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Integrations.Subscriptions;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed class StatusNoteTests
{
    private const string Note = "Subscription expired — renew in the bot";

    public static TheoryData<SubscriptionFormat> Formats => [.. Enum.GetValues<SubscriptionFormat>()];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Render_WhenStatusNoteSet_OffersNoWorkingProxyInAnyFormat(SubscriptionFormat format)
    {
        var rendered = SubscriptionRenderer.Render(Samples.Document(Note), format);
        var text = Encoding.UTF8.GetString(rendered.Body);
        if (format == SubscriptionFormat.Base64)
            text = Encoding.UTF8.GetString(Convert.FromBase64String(text));

        Assert.All(Samples.Secrets, secret => Assert.DoesNotContain(secret, text));
        Assert.NotEmpty(rendered.Body);
    }

    [Theory]
    [InlineData(SubscriptionFormat.Base64)]
    [InlineData(SubscriptionFormat.Links)]
    public void Render_WhenStatusNoteSet_LinksAreOnePlaceholderNamedWithTheNote(SubscriptionFormat format)
    {
        var text = Encoding.UTF8.GetString(SubscriptionRenderer.Render(Samples.Document(Note), format).Body);
        if (format == SubscriptionFormat.Base64)
            text = Encoding.UTF8.GetString(Convert.FromBase64String(text));

        Assert.True(VlessRealityLink.TryParse(Assert.Single(text.Split('\n')), out var link));
        Assert.Equal(Note, link.Name);
        Assert.Equal("127.0.0.1", link.Host);
        Assert.Equal(1, link.Port);
    }

    [Fact]
    public void Render_WhenStatusNoteSetAsClash_IsAValidProfileWhosePlaceholderShowsTheNote()
    {
        var profile = ClashRendererTests.Render(Samples.Document(Note));

        ClashRendererTests.AssertReferencesResolve(profile);
        var proxy = Assert.Single(ClashRendererTests.Proxies(profile));
        Assert.Equal(Note, proxy["name"]);
        Assert.Equal("127.0.0.1", proxy["server"]);
    }

    [Fact]
    public void Render_WhenStatusNoteSetAsSingBox_IsAValidProfileWhosePlaceholderShowsTheNote()
    {
        using var profile = SingBoxRendererTests.Render(Samples.Document(Note));

        SingBoxRendererTests.AssertConsistent(profile.RootElement);
        var vless = SingBoxRendererTests.Outbound(profile.RootElement, Note);
        Assert.Equal("127.0.0.1", vless.GetProperty("server").GetString());
        Assert.Single(profile.RootElement.GetProperty("outbounds").EnumerateArray(),
            o => o.GetProperty("type").GetString() is "vless" or "hysteria2");
    }

    [Fact]
    public void Render_WhenStatusNoteSetAsHtml_ShowsTheNoteAndOnlyTheSubscriptionQr()
    {
        var document = Samples.Document(Note);

        var html = HtmlRendererTests.Render(document);

        Assert.Contains("role=\"alert\">Subscription expired — renew in the bot<", html);
        Assert.Equal([document.SubscriptionUrl!], HtmlRendererTests.QrImages(html).Select(QrDecoder.DecodePng));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Render_WhenNoProxiesAndNoNote_StillRendersAValidPlaceholder(SubscriptionFormat format)
    {
        var document = Samples.Document() with { Proxies = [] };

        var rendered = SubscriptionRenderer.Render(document, format);

        var text = Encoding.UTF8.GetString(rendered.Body);
        switch (format)
        {
            case SubscriptionFormat.Clash:
                ClashRendererTests.AssertReferencesResolve(ClashYaml.Parse(text));
                break;
            case SubscriptionFormat.SingBox:
                using (var json = JsonDocument.Parse(text))
                    SingBoxRendererTests.AssertConsistent(json.RootElement);
                break;
            case SubscriptionFormat.Base64:
                Assert.Contains("No%20servers%20available%20yet", Encoding.UTF8.GetString(Convert.FromBase64String(text)));
                break;
            default:
                Assert.Contains("No", text);
                Assert.Contains("servers available yet", text.Replace("%20", " "));
                break;
        }
    }
}

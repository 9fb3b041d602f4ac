using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Links;

public sealed class ShareLinkTests
{
    [Fact]
    public void TryParse_WhenVless_ReturnsAVlessLink()
    {
        Assert.True(ShareLink.TryParse(Samples.Reality().ToUri(), out var link));

        Assert.Equal(ProxyProtocol.Vless, link.Protocol);
        Assert.Equal(Samples.Reality(), link);
    }

    [Fact]
    public void TryParse_WhenHysteria2_ReturnsAHysteria2Link()
    {
        Assert.True(ShareLink.TryParse(Samples.Hysteria2().ToUri(), out var link));

        Assert.Equal(ProxyProtocol.Hysteria2, link.Protocol);
        Assert.Equal(Samples.Hysteria2(), link);
    }

    [Fact]
    public void TryParse_WhenOtherScheme_ReturnsFalse()
    {
        Assert.False(ShareLink.TryParse("trojan://pw@example.com:443#x", out var link));
        Assert.Null(link);
    }

    [Fact]
    public void With_WhenRenamedThroughTheBaseType_KeepsTheKind()
    {
        ShareLink link = Samples.Hysteria2();

        var renamed = link with { Name = "new" };

        Assert.IsType<Hysteria2Link>(renamed);
        Assert.EndsWith("#new", renamed.ToUri());
    }
}

using AnomalyConnect.Integrations.Subscriptions;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed class UserAgentRulesTests
{
    [Theory]
    // Clash family
    [InlineData("clash-verge/v1.7.7", SubscriptionFormat.Clash)]
    [InlineData("Clash Verge/2.0.3", SubscriptionFormat.Clash)]
    [InlineData("ClashX/1.118.0 (com.west2online.ClashX; build:1.118.0; macOS 14.4.1) Alamofire/5.8.0", SubscriptionFormat.Clash)]
    [InlineData("ClashforWindows/0.20.39", SubscriptionFormat.Clash)]
    [InlineData("ClashMetaForAndroid/2.10.1.Meta", SubscriptionFormat.Clash)]
    [InlineData("mihomo/1.18.5", SubscriptionFormat.Clash)]
    [InlineData("Stash/2.4.6 Clash/1.9.0", SubscriptionFormat.Clash)]
    [InlineData("FlClash/v0.8.60 clash-verge Platform/android", SubscriptionFormat.Clash)]
    // sing-box family
    [InlineData("sing-box 1.10.1", SubscriptionFormat.SingBox)]
    [InlineData("SFA/1.10.1 (353; sing-box 1.10.1; language go1.23.1)", SubscriptionFormat.SingBox)]
    [InlineData("SFI/1.9.4 (Build 2; sing-box 1.9.4)", SubscriptionFormat.SingBox)]
    [InlineData("SFM/1.11.0", SubscriptionFormat.SingBox)]
    [InlineData("HiddifyNext/2.5.7 (android) like ClashMeta v2ray sing-box", SubscriptionFormat.SingBox)]
    [InlineData("Hiddify/2.0.5 (windows)", SubscriptionFormat.SingBox)]
    // browsers
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", SubscriptionFormat.Html)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", SubscriptionFormat.Html)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", SubscriptionFormat.Html)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87", SubscriptionFormat.Html)]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36", SubscriptionFormat.Html)]
    // everything else reads base64 links
    [InlineData("v2rayN/6.45", SubscriptionFormat.Base64)]
    [InlineData("v2rayNG/1.8.22", SubscriptionFormat.Base64)]
    [InlineData("Streisand/1.6.31 CFNetwork/1496.0.7 Darwin/23.5.0", SubscriptionFormat.Base64)]
    [InlineData("Happ/1.5.2", SubscriptionFormat.Base64)]
    [InlineData("NekoBox/Android 1.3.4 (Prefer ClashMeta Format)", SubscriptionFormat.Base64)]
    [InlineData("Nekoray/3.26", SubscriptionFormat.Base64)]
    [InlineData("Shadowrocket/2070 CFNetwork/1494.0.7 Darwin/23.4.0", SubscriptionFormat.Base64)]
    [InlineData("okhttp/4.12.0", SubscriptionFormat.Base64)]
    [InlineData("curl/8.5.0", SubscriptionFormat.Base64)]
    [InlineData("SomeUnknownApp/1.0", SubscriptionFormat.Base64)]
    [InlineData("", SubscriptionFormat.Base64)]
    [InlineData("   ", SubscriptionFormat.Base64)]
    [InlineData(null, SubscriptionFormat.Base64)]
    public void Choose_WhenNoFormatQuery_PicksByUserAgent(string? userAgent, SubscriptionFormat expected)
    {
        var choice = UserAgentRules.Default.Choose(null, userAgent);

        Assert.True(choice.IsValid);
        Assert.Equal(expected, choice.Format);
    }

    [Theory]
    [InlineData("base64", SubscriptionFormat.Base64)]
    [InlineData("links", SubscriptionFormat.Links)]
    [InlineData("clash", SubscriptionFormat.Clash)]
    [InlineData("CLASH", SubscriptionFormat.Clash)]
    [InlineData("mihomo", SubscriptionFormat.Clash)]
    [InlineData("singbox", SubscriptionFormat.SingBox)]
    [InlineData("sing-box", SubscriptionFormat.SingBox)]
    [InlineData("json", SubscriptionFormat.SingBox)]
    [InlineData("html", SubscriptionFormat.Html)]
    [InlineData(" plain ", SubscriptionFormat.Links)]
    public void Choose_WhenFormatQueryGiven_ItWinsOverTheUserAgent(string query, SubscriptionFormat expected)
    {
        var choice = UserAgentRules.Default.Choose(query, "clash-verge/v1.7.7");

        Assert.True(choice.IsValid);
        Assert.Equal(expected, choice.Format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Choose_WhenFormatQueryEmpty_FallsBackToTheUserAgent(string query)
    {
        Assert.Equal(SubscriptionFormat.SingBox, UserAgentRules.Default.Choose(query, "SFA/1.10.1").Format);
    }

    [Fact]
    public void Choose_WhenFormatQueryUnknown_ReturnsAnErrorNamingTheChoices()
    {
        var choice = UserAgentRules.Default.Choose("xml", "v2rayNG/1.8.22");

        Assert.False(choice.IsValid);
        Assert.Equal("Unknown format 'xml'; use one of: base64, links, clash, singbox, html.", choice.Error);
    }

    [Fact]
    public void Choose_WhenFormatQueryUnknownAndLong_TruncatesItInTheError()
    {
        var choice = UserAgentRules.Default.Choose(new string('x', 500), null);

        Assert.False(choice.IsValid);
        Assert.True(choice.Error!.Length < 120);
    }

    [Fact]
    public void Matching_WhenPatternNeedsBacktracking_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => UserAgentRule.Matching(@"(a)\1", SubscriptionFormat.Clash));
    }
}

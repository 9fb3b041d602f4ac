using AnomalyConnect.Integrations.Subscriptions;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed class SubscriptionHeadersTests
{
    [Fact]
    public void For_WhenClash_WritesEveryHeaderExactly()
    {
        var headers = SubscriptionHeaders.For(Samples.Document(), SubscriptionFormat.Clash);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["subscription-userinfo"] = "upload=1073741824; download=3221225472; total=53687091200; expire=1893456000",
                ["profile-title"] = "base64:QW5vbWFseSBDb25uZWN0",
                ["profile-update-interval"] = "6",
                ["support-url"] = "https://t.me/anomaly_support",
                ["content-disposition"] = "attachment; filename=\"Anomaly Connect.yaml\"",
            },
            headers.OrderBy(h => h.Key).ToDictionary());
    }

    [Fact]
    public void For_WhenNoExpiryNorLimit_LeavesExpireOutAndTotalZero()
    {
        var document = Samples.Document() with { Usage = new SubscriptionUsage(5, 7, 0, null) };

        Assert.Equal("upload=5; download=7; total=0", SubscriptionHeaders.For(document, SubscriptionFormat.Base64)["subscription-userinfo"]);
    }

    [Fact]
    public void For_WhenTitleIsNotAscii_EncodesTitleAsBase64AndFileNameBothWays()
    {
        var document = Samples.Document() with { ProfileTitle = "Аномалия VPN 🚀" };

        var headers = SubscriptionHeaders.For(document, SubscriptionFormat.SingBox);

        Assert.Equal("base64:0JDQvdC+0LzQsNC70LjRjyBWUE4g8J+agA==", headers["profile-title"]);
        Assert.Equal(
            "attachment; filename=\"VPN.json\"; filename*=UTF-8''%D0%90%D0%BD%D0%BE%D0%BC%D0%B0%D0%BB%D0%B8%D1%8F%20VPN%20%F0%9F%9A%80.json",
            headers["content-disposition"]);
    }

    [Theory]
    [InlineData("Моя подписка", "subscription.txt")]
    [InlineData("a\"b\\c/d", "abcd.txt")]
    [InlineData("  ..  ", "subscription.txt")]
    public void For_WhenTitleHasNoSafeCharacters_FallsBackToAPlainFileName(string title, string expectedFile)
    {
        var value = SubscriptionHeaders.For(Samples.Document() with { ProfileTitle = title }, SubscriptionFormat.Links)["content-disposition"];

        Assert.StartsWith($"attachment; filename=\"{expectedFile}\"", value);
    }

    [Fact]
    public void For_WhenHtml_SendsNoContentDisposition()
    {
        var headers = SubscriptionHeaders.For(Samples.Document(), SubscriptionFormat.Html);

        Assert.False(headers.ContainsKey("content-disposition"));
        Assert.True(headers.ContainsKey("subscription-userinfo"));
    }

    [Fact]
    public void For_WhenSupportUrlAbsentAndNoInterval_LeavesThemOut()
    {
        var document = Samples.Document() with { SupportUrl = null, UpdateIntervalHours = 0 };

        var headers = SubscriptionHeaders.For(document, SubscriptionFormat.Base64);

        Assert.False(headers.ContainsKey("support-url"));
        Assert.False(headers.ContainsKey("profile-update-interval"));
    }

    [Fact]
    public void For_WhenAnyInput_ProducesOnlyAsciiValues()
    {
        var document = Samples.Document() with { ProfileTitle = "Тест ✓", SupportUrl = "https://пример.рф/помощь" };

        var headers = SubscriptionHeaders.For(document, SubscriptionFormat.Clash);

        Assert.All(headers.Values, value => Assert.True(value.All(c => c is >= ' ' and <= '~'), value));
        Assert.Equal("https://xn--e1afmkfd.xn--p1ai/%D0%BF%D0%BE%D0%BC%D0%BE%D1%89%D1%8C", headers["support-url"]);
    }
}

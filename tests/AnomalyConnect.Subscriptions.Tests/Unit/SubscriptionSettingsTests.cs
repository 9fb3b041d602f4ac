using AnomalyConnect.Api.Apis.Subscriptions;
using AnomalyConnect.Integrations.Subscriptions;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Subscriptions.Tests.Unit;

public sealed class SubscriptionSettingsTests
{
    [Fact]
    public void Read_WhenNothingIsSet_UsesTheBuiltInRulesAndTitle()
    {
        var settings = SubscriptionSettings.Read(Configuration([]));

        Assert.Same(UserAgentRules.Default, settings.Rules);
        Assert.Equal(("Anomaly Connect", null), (settings.ProfileTitle, settings.SupportUrl));
    }

    [Fact]
    public void Read_WhenTheRulesFileIsValid_UsesItsRules()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"rules": [{"contains": "MyApp", "format": "singbox"}], "fallback": "links"}""");
        try
        {
            var rules = SubscriptionSettings.Read(Configuration(new() { ["SUBSCRIPTION_RULES_FILE"] = path })).Rules;

            Assert.Equal(SubscriptionFormat.SingBox, rules.ForUserAgent("MyApp/2"));
            Assert.Equal(SubscriptionFormat.Links, rules.ForUserAgent("ClashMeta/1"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_WhenTheSupportUrlIsNotAUrl_ThrowsASentenceNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SubscriptionSettings.Read(Configuration(new() { ["SUPPORT_URL"] = "ask in the chat" })));

        Assert.StartsWith("SUPPORT_URL is not an absolute URL", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

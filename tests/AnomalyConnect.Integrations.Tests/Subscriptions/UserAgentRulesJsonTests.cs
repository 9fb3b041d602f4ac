using AnomalyConnect.Integrations.Subscriptions;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed class UserAgentRulesJsonTests
{
    [Fact]
    public void FromJson_WhenRulesGiven_TheyReplaceTheDefaults()
    {
        var rules = UserAgentRules.FromJson("""
            {
              // an operator's override
              "rules": [
                { "contains": "v2rayNG", "format": "clash" },
                { "regex": "^Happ/\\d", "format": "singbox" }
              ],
              "fallback": "links"
            }
            """);

        Assert.Equal(SubscriptionFormat.Clash, rules.ForUserAgent("v2rayNG/1.8.22"));
        Assert.Equal(SubscriptionFormat.SingBox, rules.ForUserAgent("happ/1.5.2"));
        Assert.Equal(SubscriptionFormat.Links, rules.ForUserAgent("clash-verge/v1.7.7"));
        Assert.Equal(SubscriptionFormat.Links, rules.ForUserAgent(null));
        Assert.Equal(2, rules.Rules.Count);
    }

    [Fact]
    public void FromJson_WhenIncludeDefaults_AppliesTheFileFirstThenTheDefaults()
    {
        var rules = UserAgentRules.FromJson("""
            { "includeDefaults": true, "rules": [ { "contains": "Streisand", "format": "singbox" } ] }
            """);

        Assert.Equal(SubscriptionFormat.SingBox, rules.ForUserAgent("Streisand/1.6.31"));
        Assert.Equal(SubscriptionFormat.Clash, rules.ForUserAgent("mihomo/1.18.5"));
        Assert.Equal(SubscriptionFormat.Base64, rules.ForUserAgent("v2rayN/6.45"));
        Assert.Equal(UserAgentRules.Default.Rules.Count + 1, rules.Rules.Count);
    }

    [Theory]
    [InlineData("[1, 2]", "must be an object with a \"rules\" array")]
    [InlineData("{\"rules\": [{\"contains\": \"x\"}]}", "rule 1 must be an object with \"format\"")]
    [InlineData("{\"rules\": [{\"contains\": \"x\", \"format\": \"xml\"}]}", "rule 1's \"format\" must be one of base64, links, clash, singbox, html")]
    [InlineData("{\"rules\": [{\"contains\": \"x\", \"format\": \"clash\"}, {\"format\": \"clash\"}]}", "rule 2 needs exactly one of \"contains\" and \"regex\"")]
    [InlineData("{\"rules\": [{\"contains\": \"x\", \"regex\": \"y\", \"format\": \"clash\"}]}", "rule 1 needs exactly one of")]
    [InlineData("{\"rules\": [{\"regex\": \"(unclosed\", \"format\": \"clash\"}]}", "rule 1 has an unusable regex")]
    [InlineData("{\"rules\": [], \"fallback\": 3}", "\"fallback\" must be one of")]
    [InlineData("{\"rules\": [", "not valid JSON")]
    public void TryFromJson_WhenInvalid_ExplainsWhatIsWrong(string json, string expected)
    {
        Assert.False(UserAgentRules.TryFromJson(json, out var rules, out var error));

        Assert.Null(rules);
        Assert.Contains(expected, error);
        Assert.Contains(expected, Assert.Throws<FormatException>(() => UserAgentRules.FromJson(json)).Message);
    }
}

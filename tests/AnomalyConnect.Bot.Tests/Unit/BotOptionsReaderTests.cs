using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Bot.Tests.Unit;

public sealed class BotOptionsReaderTests
{
    private const string Token = "123456:AAF-secret_token_value";

    [Fact]
    public void Read_WithNothingButTheToken_UsesTheDefaults()
    {
        var options = BotOptionsReader.Read(Configuration(), Hosting(Token));

        Assert.Equal(new Uri("https://api.telegram.org"), options.ApiBaseUrl);
        Assert.Null(options.WebhookUrl);
        Assert.Equal(3, options.TrialDays);
        Assert.Equal(25, options.BroadcastRate);
        Assert.False(options.YooKassaEnabled);
        Assert.True(options.IsAdmin(42));
        Assert.False(options.IsAdmin(43));
    }

    [Fact]
    public void Read_WithEverySetting_ReadsThem()
    {
        var options = BotOptionsReader.Read(Configuration(new()
        {
            ["TELEGRAM_API_URL"] = "http://127.0.0.1:8081",
            ["BOT_WEBHOOK_URL"] = "https://vpn.example.com/webhooks/telegram",
            ["BOT_WEBHOOK_SECRET"] = "s3cret_-value",
            ["TRIAL_DAYS"] = "0",
            ["SUPPORT_URL"] = "https://t.me/help_desk",
            ["SUPPORT_USERNAME"] = "@help_desk",
            ["BOT_USERNAME"] = "anomaly_bot",
            ["TELEGRAM_PAYMENT_PROVIDER_TOKEN"] = "381764678:TEST:1",
            ["YOOKASSA_SHOP_ID"] = "12345",
            ["BOT_BROADCAST_RATE"] = "30",
        }), Hosting(Token));

        Assert.Equal(new Uri("https://vpn.example.com/webhooks/telegram"), options.WebhookUrl);
        Assert.Equal("s3cret_-value", options.WebhookSecret);
        Assert.Equal(0, options.TrialDays);
        Assert.Equal("help_desk", options.SupportUsername);
        Assert.Equal("anomaly_bot", options.BotUsername);
        Assert.True(options.YooKassaEnabled);
        Assert.Equal(30, options.BroadcastRate);
    }

    [Fact]
    public void Read_WithBadValues_NamesEachVariableInASentence()
    {
        var problem = Assert.Throws<ConfigurationProblemException>(() => BotOptionsReader.Read(Configuration(new()
        {
            ["TELEGRAM_API_URL"] = "api.telegram.org",
            ["BOT_WEBHOOK_URL"] = "http://vpn.example.com/webhooks/telegram",
            ["BOT_WEBHOOK_SECRET"] = "has spaces!",
            ["TRIAL_DAYS"] = "three",
            ["SUPPORT_URL"] = "not a url",
            ["SUPPORT_USERNAME"] = "@x",
            ["BOT_USERNAME"] = "bad name",
            ["BOT_BROADCAST_RATE"] = "100",
        }), Hosting(Token)));

        foreach (var name in new[] { "TELEGRAM_API_URL", "BOT_WEBHOOK_URL", "BOT_WEBHOOK_SECRET", "TRIAL_DAYS", "SUPPORT_URL", "SUPPORT_USERNAME", "BOT_USERNAME", "BOT_BROADCAST_RATE" })
        {
            Assert.Contains(problem.Problems, p => p.StartsWith(name, StringComparison.Ordinal) && p.EndsWith('.'));
        }
    }

    [Fact]
    public void Read_WithAMalformedToken_SaysSoWithoutRepeatingIt()
    {
        const string typo = "123456 AAF-secret_token_value";

        var problem = Assert.Throws<ConfigurationProblemException>(() => BotOptionsReader.Read(Configuration(), Hosting(typo)));

        Assert.Contains(problem.Problems, p => p.StartsWith("BOT_TOKEN", StringComparison.Ordinal));
        Assert.DoesNotContain("secret_token_value", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WhenPrinted_DoNotShowTheTokenOrTheSecret()
    {
        var options = BotOptionsReader.Read(Configuration(new() { ["BOT_WEBHOOK_SECRET"] = "webhook_secret_value", ["BOT_WEBHOOK_URL"] = "https://x.example/webhooks/telegram" }), Hosting(Token));

        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
    }

    private static BotHosting Hosting(string token) => new(token, [42], "https://vpn.example.com/", RunsBot: true, DeliversOutbox: true, "test");

    private static IConfiguration Configuration(Dictionary<string, string?>? values = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(values ?? []).Build();
}

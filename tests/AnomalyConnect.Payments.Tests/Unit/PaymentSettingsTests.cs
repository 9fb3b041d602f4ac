using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Payments;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Payments.Tests.Unit;

public sealed class PaymentSettingsTests
{
    private const string AppUrl = "https://vpn.example.com";

    [Fact]
    public void Read_WithNothingSet_SwitchesProvidersOffAndKeepsDefaults()
    {
        var options = PaymentSettings.Read(Configuration(), AppUrl, botToken: null);

        Assert.Null(options.YooKassa);
        Assert.Null(options.Bot);
        Assert.False(options.TelegramPaymentsEnabled);
        Assert.False(options.YooKassaCheckIp);
        Assert.Equal(TimeSpan.FromMinutes(60), options.PendingTimeout);
        Assert.Equal(new Uri(AppUrl), options.YooKassaReturnUrl);
    }

    [Fact]
    public void Read_WithEverythingSet_ReadsEveryValue()
    {
        var options = PaymentSettings.Read(Configuration(
            ("YOOKASSA_SHOP_ID", "506751"),
            ("YOOKASSA_SECRET_KEY", "live_secret"),
            ("YOOKASSA_API_URL", "https://api.yookassa.ru/v3/"),
            ("YOOKASSA_RETURN_URL", "https://t.me/anomaly_bot"),
            ("YOOKASSA_CHECK_IP", "true"),
            ("YOOKASSA_RECEIPT", "1"),
            ("RECEIPT_EMAIL", "receipts@example.com"),
            ("TELEGRAM_PAYMENT_PROVIDER_TOKEN", "381764678:TEST:1"),
            ("TELEGRAM_API_URL", "http://127.0.0.1:8081"),
            ("PAYMENT_PENDING_TIMEOUT_MINUTES", "15")), AppUrl, botToken: "1:token");

        Assert.Equal("506751", options.YooKassa!.ShopId);
        Assert.Equal(new Uri("https://api.yookassa.ru"), options.YooKassa.BaseUrl);
        Assert.Equal(new Uri("https://t.me/anomaly_bot"), options.YooKassaReturnUrl);
        Assert.True(options.YooKassaCheckIp);
        Assert.True(options.YooKassaReceipt);
        Assert.Equal("receipts@example.com", options.ReceiptEmail);
        Assert.True(options.TelegramPaymentsEnabled);
        Assert.Equal(new Uri("http://127.0.0.1:8081"), options.Bot!.BaseUrl);
        Assert.Equal(TimeSpan.FromMinutes(15), options.PendingTimeout);
    }

    [Theory]
    [InlineData("YOOKASSA_SHOP_ID", "506751", "YOOKASSA_SHOP_ID is set but YOOKASSA_SECRET_KEY is not")]
    [InlineData("YOOKASSA_SECRET_KEY", "live_secret", "YOOKASSA_SECRET_KEY is set but YOOKASSA_SHOP_ID is not")]
    [InlineData("YOOKASSA_CHECK_IP", "maybe", "YOOKASSA_CHECK_IP must be true or false; 'maybe' is neither.")]
    [InlineData("YOOKASSA_RETURN_URL", "/relative", "YOOKASSA_RETURN_URL must be an absolute http:// or https:// URL")]
    [InlineData("PAYMENT_PENDING_TIMEOUT_MINUTES", "0", "PAYMENT_PENDING_TIMEOUT_MINUTES must be a number of minutes above 0")]
    [InlineData("PAYMENT_PENDING_TIMEOUT_MINUTES", "an hour", "PAYMENT_PENDING_TIMEOUT_MINUTES must be a number of minutes above 0")]
    [InlineData("YOOKASSA_RECEIPT", "true", "YOOKASSA_RECEIPT is on but RECEIPT_EMAIL is not set")]
    [InlineData("RECEIPT_EMAIL", "not-an-address", "RECEIPT_EMAIL must be an e-mail address")]
    public void Read_WithABadValue_StopsWithASentenceNamingIt(string name, string value, string expected)
    {
        var problem = Assert.Throws<ConfigurationProblemException>(() => PaymentSettings.Read(Configuration((name, value)), AppUrl, botToken: null));

        Assert.Contains(problem.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WithABadShopId_NeverEchoesTheSecretKey()
    {
        var problem = Assert.Throws<ConfigurationProblemException>(() => PaymentSettings.Read(
            Configuration(("YOOKASSA_SHOP_ID", "50:6751"), ("YOOKASSA_SECRET_KEY", "live_TopSecret")), AppUrl, botToken: null));

        Assert.Contains("YOOKASSA_SHOP_ID must be the shop id", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("live_TopSecret", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PaymentOptions_WhenPrinted_ShowNoSecret()
    {
        var options = PaymentSettings.Read(Configuration(("YOOKASSA_SHOP_ID", "1"), ("YOOKASSA_SECRET_KEY", "live_TopSecret")), AppUrl, "1:token");

        Assert.DoesNotContain("live_TopSecret", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("live_TopSecret", options.YooKassa!.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Name, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).Build();
}

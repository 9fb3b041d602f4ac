using System.Diagnostics;
using System.Net;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Payments.Tests.Support;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Payments.Tests;

/// <summary>The silo with other payment settings: bad ones, no bot, the sender-address check.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task Start_WithAShopIdButNoSecretKey_StopsWithASentence()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = PaymentsSiloProcess.Environment(database, "misconfigured", yooKassa: null, telegram: null);
        environment["YOOKASSA_SHOP_ID"] = "506751";
        environment["PAYMENT_PENDING_TIMEOUT_MINUTES"] = "soon";

        var (exitCode, stderr) = await RunToExitAsync(environment);

        Assert.Equal(2, exitCode);
        Assert.Contains("YOOKASSA_SHOP_ID is set but YOOKASSA_SECRET_KEY is not", stderr, StringComparison.Ordinal);
        Assert.Contains("PAYMENT_PENDING_TIMEOUT_MINUTES must be a number of minutes", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StarsRefund_WithoutABot_IsAConflictSayingSo_AndTheIpCheckKeepsStrangersOut()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var yooKassa = FakeYooKassaServer.Start();
        await using var silo = await PaymentsSiloProcess.StartAsync(database, yooKassa, telegram: null, "no-bot",
            new Dictionary<string, string> { ["YOOKASSA_CHECK_IP"] = "true" });
        using var admin = new AdminApi(silo.BaseAddress);
        await using var client = GrainClient.Create(database.ConnectionString, yooKassa, telegram: null);
        var user = await admin.PostAsync("/admin/api/users", new { days = 1, telegram_id = PaymentsFixture.NewTelegramId() }, HttpStatusCode.Created);
        var tariffId = (await admin.CreateTariffAsync(priceStars: 50))["tariff_id"]!.GetValue<string>();
        var paymentId = PaymentIds.New();
        await client.Payment(paymentId).CreateAsync(new NewPayment(user["user_id"]!.GetValue<string>(), tariffId, PaymentProvider.Stars));
        await client.Payment(paymentId).MarkSucceededAsync(new ProviderConfirmation("charge-no-bot", 50, "XTR"));

        var refund = await admin.PostAsync($"/admin/api/payments/{paymentId}/refund", expected: HttpStatusCode.Conflict);
        var webhook = await admin.PostWebhookAsync("""{"type":"notification","event":"payment.succeeded","object":{"id":"x"}}""");

        Assert.Equal("No bot is configured (BOT_TOKEN): Stars can only be refunded through the bot.", (string?)refund["detail"]);
        Assert.Equal("succeeded", (string?)(await admin.GetAsync($"/admin/api/payments/{paymentId}"))["status"]);
        Assert.Equal(HttpStatusCode.Forbidden, webhook.StatusCode);
        Assert.Equal("application/problem+json", webhook.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Webhook_WithoutYooKassaConfigured_IsNotFound()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var silo = await PaymentsSiloProcess.StartAsync(database, yooKassa: null, telegram: null, "no-yookassa");
        using var admin = new AdminApi(silo.BaseAddress);

        var response = await admin.PostWebhookAsync("""{"type":"notification","event":"payment.succeeded","object":{"id":"x"}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(int ExitCode, string Stderr)> RunToExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet", [PaymentsSiloProcess.AssemblyPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await stdout;
        Assert.True(process.WaitForExit(60_000));
        return (process.ExitCode, stderr);
    }
}

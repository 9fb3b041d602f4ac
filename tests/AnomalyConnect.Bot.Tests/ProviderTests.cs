using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class ProviderTests
{
    [Fact]
    public async Task Buy_WithYooKassaAndTelegramPayments_OffersBothAndAPayLinkOrARoubleInvoice()
    {
        await using var yooKassa = FakeYooKassaServer.Start();
        await using var silo = await BotSilo.StartAsync(new Dictionary<string, string>
        {
            ["YOOKASSA_SHOP_ID"] = yooKassa.ShopId,
            ["YOOKASSA_SECRET_KEY"] = yooKassa.SecretKey,
            ["YOOKASSA_API_URL"] = yooKassa.BaseUrl.ToString(),
            ["TELEGRAM_PAYMENT_PROVIDER_TOKEN"] = "381764678:TEST:100500",
        });
        var (tariff, error) = await silo.Catalog.SaveTariffAsync(
            new Tariff("month", "Месяц", 30, null, null, 299m, 0, Archived: false), Actor.System, CancellationToken.None);
        Assert.True(tariff is not null, error);
        var user = TelegramUser.New(silo.Telegram);

        user.Command("/buy");
        var list = await user.NextMessageAsync();
        user.Press("t:month", list.MessageId!.Value);
        var methods = await user.EditAsync(call => call.CallbackData.Contains("p:y:month"));
        user.Press("p:y:month", list.MessageId!.Value);
        var payLink = await user.NextMessageAsync();
        user.Press("p:c:month", list.MessageId!.Value);
        var invoice = await user.NextMessageAsync();

        Assert.Contains("p:c:month", methods.CallbackData);
        Assert.DoesNotContain("p:s:month", methods.CallbackData);
        var button = payLink.ReplyMarkup!["inline_keyboard"]![0]![0]!;
        Assert.Equal(yooKassa.Payments[0]["confirmation"]!["confirmation_url"]!.GetValue<string>(), button["url"]!.GetValue<string>());
        Assert.Contains("299 ₽", payLink.Text, StringComparison.Ordinal);
        Assert.Single(yooKassa.Payments);
        Assert.Equal("sendInvoice", invoice.Method);
        Assert.Equal("RUB", invoice.Parameters["currency"]!.GetValue<string>());
        Assert.Equal(29_900, invoice.Parameters["prices"]![0]!["amount"]!.GetValue<long>());
        Assert.Equal("381764678:TEST:100500", invoice.Parameters["provider_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_WhoseProcessingIsCutByACrash_IsProcessedAfterTheRestart()
    {
        await using var silo = await BotSilo.StartAsync(new Dictionary<string, string> { ["GrainRuntime__OutboxLease"] = "00:00:08" });
        var user = TelegramUser.New(silo.Telegram);
        // The reply meets flood control and waits 6 s in the silo: the crash comes during that wait.
        silo.Telegram.RateLimitNext("sendMessage", count: 1, retryAfterSeconds: 6);

        user.Command("/start");
        await silo.Telegram.WaitForCallAsync("sendMessage", call => call.ChatId == user.ChatId && call.StatusCode == 429, TimeSpan.FromSeconds(20));
        silo.Silo.Kill();
        Assert.Empty(user.Messages);
        await silo.Silo.StartAsync();
        var menu = (await user.MessagesAsync(1, TimeSpan.FromSeconds(40)))[0];

        Assert.Contains("Привет", menu.Text, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(user.Messages);
        Assert.Equal(1, await silo.Database.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE processed_at IS NOT NULL AND chat_id = $1", user.ChatId));
    }
}

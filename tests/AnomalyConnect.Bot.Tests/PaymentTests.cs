using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class PaymentTests(SharedSiloFixture fixture)
{
    private BotSilo Silo => fixture.Silo;

    [Fact]
    public async Task StarsPurchase_ThroughTheBot_IsCheckedOutAndExtendsAccess()
    {
        var tariffId = await TariffAsync(days: 30, stars: 150);
        var user = TelegramUser.New(Silo.Telegram);
        user.Command("/start");
        var menu = (await user.MessagesAsync(1))[0];

        user.Press("b", menu.MessageId!.Value);
        var tariffs = await user.EditAsync(call => call.CallbackData.Contains($"t:{tariffId}"));
        user.Press($"t:{tariffId}", menu.MessageId!.Value);
        var methods = await user.EditAsync(call => call.CallbackData.Contains($"p:s:{tariffId}"));
        user.Press($"p:s:{tariffId}", menu.MessageId!.Value);
        var invoice = await user.NextMessageAsync();

        Assert.Contains("⭐", string.Join(" ", tariffs.ButtonTexts), StringComparison.Ordinal);
        Assert.Contains("Telegram Stars", string.Join(" ", methods.ButtonTexts), StringComparison.Ordinal);
        Assert.Equal("sendInvoice", invoice.Method);
        Assert.Equal("XTR", invoice.Parameters["currency"]!.GetValue<string>());
        Assert.Equal(150, invoice.Parameters["prices"]![0]!["amount"]!.GetValue<long>());
        var paymentId = invoice.Parameters["payload"]!.GetValue<string>();

        Silo.Telegram.EnqueueUpdate(FakeTelegramUpdates.PreCheckoutQuery(user.ChatId, "XTR", 150, paymentId, queryId: "checkout-" + user.ChatId));
        var answer = await Silo.Telegram.WaitForCallAsync("answerPreCheckoutQuery", call => call.Parameters["pre_checkout_query_id"]!.GetValue<string>() == "checkout-" + user.ChatId);
        Assert.True(answer.Parameters["ok"]!.GetValue<bool>());

        user.Send(FakeTelegramUpdates.SuccessfulPayment(user.ChatId, "XTR", 150, paymentId, "stars-charge-" + user.ChatId));
        var receipt = await user.NextMessageAsync();

        Assert.Contains("Оплата получена", receipt.Text, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(
            async () => (await Silo.UserOfAsync(user.ChatId))?.ExpiresAt > DateTimeOffset.UtcNow.AddDays(29),
            TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task PreCheckout_ForTheWrongAmount_IsRefusedWithASentence()
    {
        var tariffId = await TariffAsync(days: 7, stars: 50);
        var user = TelegramUser.New(Silo.Telegram);
        user.Command("/buy");
        await user.MessagesAsync(1);
        user.Press($"p:s:{tariffId}", messageId: 1);
        var invoice = (await user.MessagesAsync(2))[1];
        var paymentId = invoice.Parameters["payload"]!.GetValue<string>();

        Silo.Telegram.EnqueueUpdate(FakeTelegramUpdates.PreCheckoutQuery(user.ChatId, "XTR", 1, paymentId, queryId: "cheap-" + user.ChatId));
        var answer = await Silo.Telegram.WaitForCallAsync("answerPreCheckoutQuery", call => call.Parameters["pre_checkout_query_id"]!.GetValue<string>() == "cheap-" + user.ChatId);

        Assert.False(answer.Parameters["ok"]!.GetValue<bool>());
        Assert.Contains("больше не действует", answer.Parameters["error_message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BonusPromoCode_TypedAfterTheButton_AddsItsDays()
    {
        var code = "BONUS" + Random.Shared.Next(10_000, 99_999);
        var (saved, error) = await Silo.Catalog.SavePromoCodeAsync(
            new PromoCode(code, PromoKind.BonusDays, 0, 10, MaxUses: 100, Uses: 0, OncePerUser: true, null, null, [], Archived: false),
            Actor.System, CancellationToken.None);
        Assert.True(saved is not null, error);
        var user = TelegramUser.New(Silo.Telegram);
        user.Command("/trial");
        await user.MessagesAsync(2);
        var before = (await Silo.UserOfAsync(user.ChatId))!.ExpiresAt!.Value;

        user.Command("/promo");
        user.Say(code.ToLowerInvariant());
        var messages = await user.MessagesAsync(4);

        Assert.Contains("+10", messages[3].Text, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(
            async () => (await Silo.UserOfAsync(user.ChatId))!.ExpiresAt >= before.AddDays(10).AddMinutes(-1),
            TimeSpan.FromSeconds(15)));
        user.Command("/promo", code);
        Assert.Contains("уже использовали", (await user.NextMessageAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscountPromoCode_IsKeptForTheNextPurchaseAndLowersItsPrice()
    {
        var code = "HALF" + Random.Shared.Next(10_000, 99_999);
        var (saved, error) = await Silo.Catalog.SavePromoCodeAsync(
            new PromoCode(code, PromoKind.PercentDiscount, 50, 0, MaxUses: null, Uses: 0, OncePerUser: true, null, null, [], Archived: false),
            Actor.System, CancellationToken.None);
        Assert.True(saved is not null, error);
        var tariffId = await TariffAsync(days: 30, stars: 100);
        var user = TelegramUser.New(Silo.Telegram);

        user.Command("/promo", code);
        var kept = await user.NextMessageAsync();
        user.Press($"t:{tariffId}", kept.MessageId!.Value);
        var details = await user.EditAsync(call => call.Text!.Contains(code, StringComparison.Ordinal));
        user.Press($"p:s:{tariffId}", kept.MessageId!.Value);
        var invoice = await user.NextMessageAsync();

        Assert.Contains("скидка 50 %", kept.Text, StringComparison.Ordinal);
        Assert.Contains("будет применён", details.Text, StringComparison.Ordinal);
        Assert.Equal(50, invoice.Parameters["prices"]![0]!["amount"]!.GetValue<long>());
        Assert.Equal(code, (await Silo.ChatAsync(user.ChatId))!.DiscountCode);
    }

    private async Task<string> TariffAsync(int days, int stars)
    {
        var id = "t" + Random.Shared.Next(100_000, 999_999);
        var (tariff, error) = await Silo.Catalog.SaveTariffAsync(
            new Tariff(id, $"VPN {days} дн.", days, null, null, 299m, stars, Archived: false), Actor.System, CancellationToken.None);
        Assert.True(tariff is not null, error);
        return id;
    }
}

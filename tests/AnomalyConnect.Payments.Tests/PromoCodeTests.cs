using System.Net;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Payments.Tests.Support;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class PromoCodeTests(PaymentsFixture f)
{
    [Fact]
    public async Task CodeWithOneUseLeft_TakenByTwoUsersAtOnce_GoesToExactlyOne()
    {
        var tariffId = await f.NewTariffAsync(priceRub: 200m);
        for (var round = 0; round < 5; round++)
        {
            var code = await NewCodeAsync(new { kind = "percent_discount", value = 50, max_uses = 1 });
            var (first, _) = await f.NewUserAsync();
            var (second, _) = await f.NewUserAsync();

            var results = await Task.WhenAll(
                f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment(first, tariffId, PaymentProvider.Telegram, code)),
                f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment(second, tariffId, PaymentProvider.Telegram, code)));

            var winner = Assert.Single(results, r => r.Outcome == PaymentOutcome.Done);
            var loser = Assert.Single(results, r => r.Outcome == PaymentOutcome.Invalid);
            Assert.Equal(100m, winner.Payment!.Amount);
            Assert.Equal("This promo code has been used up.", loser.Error);
            Assert.Equal(PaymentStatus.Canceled, loser.Payment!.Status);
            Assert.Equal(1, (await f.Admin.GetAsync($"/admin/api/promo-codes/{code}"))["uses"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task CanceledPayment_GivesItsUseBack()
    {
        var tariffId = await f.NewTariffAsync(priceRub: 300m);
        var code = await NewCodeAsync(new { kind = "fixed_discount", value = 100, max_uses = 1 });
        var (first, _) = await f.NewUserAsync();
        var (second, _) = await f.NewUserAsync();
        var paymentId = PaymentIds.New();
        var taken = await f.Client.Payment(paymentId).CreateAsync(new NewPayment(first, tariffId, PaymentProvider.Telegram, code.ToLowerInvariant()));
        Assert.Equal(200m, taken.Payment!.Amount);
        var refused = await f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment(second, tariffId, PaymentProvider.Telegram, code));
        Assert.Equal(PaymentOutcome.Invalid, refused.Outcome);

        var canceled = await f.Client.Payment(paymentId).CancelAsync("changed my mind");

        Assert.Equal(PaymentOutcome.Done, canceled.Outcome);
        Assert.True(await Eventually.TrueAsync(
            async () => (await f.Admin.GetAsync($"/admin/api/promo-codes/{code}"))["uses"]!.GetValue<int>() == 0, TimeSpan.FromSeconds(20)));
        var retaken = await f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment(second, tariffId, PaymentProvider.Telegram, code));
        Assert.Equal((PaymentOutcome.Done, 200m), (retaken.Outcome, retaken.Payment!.Amount));
    }

    [Fact]
    public async Task OncePerUserCode_SecondPurchaseBySameUser_IsRefused()
    {
        var tariffId = await f.NewTariffAsync();
        var code = await NewCodeAsync(new { kind = "bonus_days", days = 7, once_per_user = true });
        var (userId, expiresAt) = await f.NewUserAsync(PaymentsFixture.NewTelegramId());

        var paymentId = PaymentIds.New();
        var first = await f.Client.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Stars, code));
        var second = await f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Stars, code));
        await f.Client.Payment(paymentId).MarkSucceededAsync(new ProviderConfirmation("charge-" + paymentId, first.Payment!.Amount, "XTR"));

        Assert.Equal(PaymentOutcome.Done, first.Outcome);
        Assert.Equal("You have already used this promo code.", second.Error);
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(30 + 7), await f.ExpiresAtAsync(userId));
    }

    [Fact]
    public async Task FullDiscount_MakesThePurchaseFree_AndGrantsItAtOnce()
    {
        var (userId, expiresAt) = await f.NewUserAsync();
        var tariffId = await f.NewTariffAsync(days: 14);
        var code = await NewCodeAsync(new { kind = "percent_discount", value = 100, tariff_ids = new[] { tariffId } });
        var paymentId = PaymentIds.New();

        var created = await f.Client.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.YooKassa, code));

        Assert.Equal((PaymentOutcome.Done, PaymentStatus.Succeeded, 0m), (created.Outcome, created.Payment!.Status, created.Payment.Amount));
        Assert.Null(created.Payment.ConfirmationUrl);
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(14), await f.ExpiresAtAsync(userId));
    }

    [Fact]
    public async Task StandaloneBonusCode_GrantsItsDaysOnce()
    {
        var (userId, expiresAt) = await f.NewUserAsync();
        var code = await NewCodeAsync(new { kind = "bonus_days", days = 5 });
        var grain = f.Client.Grains.GetGrain<IPromoCodeGrain>(code);

        var first = await grain.RedeemAsync(userId, tariffId: null, paymentId: null);
        var second = await grain.RedeemAsync(userId, tariffId: null, paymentId: null);

        Assert.Equal(PromoRedemptionOutcome.Redeemed, first.Outcome);
        Assert.Equal(PromoRedemptionOutcome.AlreadyUsedByUser, second.Outcome);
        Assert.True(await Eventually.TrueAsync(async () => await f.ExpiresAtAsync(userId) == expiresAt.AddDays(5), TimeSpan.FromSeconds(20)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(expiresAt.AddDays(5), await f.ExpiresAtAsync(userId));
    }

    [Fact]
    public async Task CodeForAnotherTariff_IsRefusedWithASentence()
    {
        var (userId, _) = await f.NewUserAsync();
        var tariffId = await f.NewTariffAsync();
        var otherTariff = await f.NewTariffAsync(days: 365, priceRub: 1990m);
        var code = await NewCodeAsync(new { kind = "percent_discount", value = 20, tariff_ids = new[] { otherTariff } });

        var created = await f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Telegram, code));

        Assert.Equal(PaymentOutcome.Invalid, created.Outcome);
        Assert.Equal("This promo code does not apply to this purchase.", created.Error);
    }

    [Fact]
    public async Task StalePendingPayment_IsCanceledByItsTimer_FreesTheCode_AndALatePaymentStillCounts()
    {
        await using var impatient = GrainClient.Create(f.Database.ConnectionString, f.YooKassa, f.Telegram, pendingTimeout: TimeSpan.FromSeconds(2));
        var (userId, expiresAt) = await f.NewUserAsync();
        var tariffId = await f.NewTariffAsync(days: 30, priceRub: 100m);
        var code = await NewCodeAsync(new { kind = "percent_discount", value = 10, max_uses = 1 });
        var paymentId = PaymentIds.New();
        var created = await impatient.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.YooKassa, code));
        Assert.Equal(90m, created.Payment!.Amount);

        Assert.True(await Eventually.TrueAsync(async () => (string?)(await f.PaymentAsync(paymentId))["status"] == "canceled", TimeSpan.FromSeconds(20)));
        Assert.True(await Eventually.TrueAsync(
            async () => (await f.Admin.GetAsync($"/admin/api/promo-codes/{code}"))["uses"]!.GetValue<int>() == 0, TimeSpan.FromSeconds(20)));
        Assert.Equal(1, await f.AuditCountAsync("payment", paymentId, "payment.canceled"));

        // The payer was on YooKassa's page all along and paid after our timeout: the money was taken, so access is given.
        f.YooKassa.Succeed(created.Payment.ProviderPaymentId!);
        var response = await f.Admin.PostWebhookAsync(f.YooKassa.BuildNotification("payment.succeeded", created.Payment.ProviderPaymentId!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(30), await f.ExpiresAtAsync(userId));
    }

    private async Task<string> NewCodeAsync(object body)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body, AdminApi.Json)!.AsObject();
        json["code"] = code;
        await f.Admin.PostAsync("/admin/api/promo-codes", json, HttpStatusCode.Created);
        return code;
    }
}

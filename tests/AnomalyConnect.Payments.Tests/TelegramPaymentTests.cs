using System.Net;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Payments.Tests.Support;

namespace AnomalyConnect.Payments.Tests;

/// <summary>Telegram Payments and Stars as the bot drives them: pre_checkout_query → CheckoutAsync, successful_payment → MarkSucceededAsync.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class TelegramPaymentTests(PaymentsFixture f)
{
    [Fact]
    public async Task StarsPayment_EndToEnd_ExtendsOnce_AndTheAdminRefundGoesThroughTheBot()
    {
        var telegramId = PaymentsFixture.NewTelegramId();
        var (userId, expiresAt) = await f.NewUserAsync(telegramId);
        var tariffId = await f.NewTariffAsync(days: 30, priceRub: 199m, priceStars: 150);
        var paymentId = PaymentIds.New();
        var payment = f.Client.Payment(paymentId);
        var chargeId = "stxCharge" + Guid.NewGuid().ToString("N");

        var created = await payment.CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Stars));
        var checkout = await payment.CheckoutAsync(150, "XTR");
        var paid = await payment.MarkSucceededAsync(new ProviderConfirmation(chargeId, 150, "XTR"));
        var paidAgain = await payment.MarkSucceededAsync(new ProviderConfirmation(chargeId, 150, "XTR"));
        var secondCheckout = await payment.CheckoutAsync(150, "XTR");

        Assert.Equal((PaymentOutcome.Done, 150m, "XTR"), (created.Outcome, created.Payment!.Amount, created.Payment.Currency));
        Assert.Equal(PaymentOutcome.Done, checkout.Outcome);
        Assert.Equal(PaymentOutcome.Done, paid.Outcome);
        Assert.Equal(PaymentOutcome.Unchanged, paidAgain.Outcome);
        Assert.Equal(PaymentOutcome.Invalid, secondCheckout.Outcome);
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(30), await f.ExpiresAtAsync(userId));
        Assert.Equal(1, await f.AuditCountAsync("user", userId, "user.apply_payment"));

        var refunded = await f.Admin.PostAsync($"/admin/api/payments/{paymentId}/refund");

        Assert.Equal("refunded", (string?)refunded["status"]);
        Assert.Contains(chargeId, f.Telegram.RefundedCharges);
        var call = Assert.Single(f.Telegram.CallsTo("refundStarPayment"), c => (string?)c.Parameters["telegram_payment_charge_id"] == chargeId);
        Assert.Equal(telegramId, call.Parameters["user_id"]!.GetValue<long>());
        Assert.Equal("refunded", (string?)(await f.Admin.PostAsync($"/admin/api/payments/{paymentId}/refund"))["status"]);
        Assert.Single(f.Telegram.CallsTo("refundStarPayment"), c => (string?)c.Parameters["telegram_payment_charge_id"] == chargeId);
    }

    [Fact]
    public async Task MarkSucceeded_WithAnotherAmountOrCurrency_IsInvalidAndAudited()
    {
        var (userId, expiresAt) = await f.NewUserAsync(PaymentsFixture.NewTelegramId());
        var tariffId = await f.NewTariffAsync(priceStars: 100);
        var paymentId = PaymentIds.New();
        var payment = f.Client.Payment(paymentId);
        await payment.CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Stars));

        var tooLittle = await payment.MarkSucceededAsync(new ProviderConfirmation("charge-a", 1, "XTR"));
        var roubles = await payment.MarkSucceededAsync(new ProviderConfirmation("charge-b", 100, "RUB"));
        var badCheckout = await payment.CheckoutAsync(99, "XTR");

        Assert.Equal(PaymentOutcome.Invalid, tooLittle.Outcome);
        Assert.Equal(PaymentOutcome.Invalid, roubles.Outcome);
        Assert.Equal(PaymentOutcome.Invalid, badCheckout.Outcome);
        Assert.Contains("but the payment is for 100 XTR", tooLittle.Error, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Pending, (await payment.GetAsync())!.Status);
        Assert.Equal(2, await f.AuditCountAsync("payment", paymentId, "payment.confirmation_refused"));
        Assert.Equal(expiresAt, await f.ExpiresAtAsync(userId));
    }

    [Fact]
    public async Task TelegramCardPayment_InRoubles_SucceedsOnce_AndASecondChargeIsRefused()
    {
        var (userId, expiresAt) = await f.NewUserAsync(PaymentsFixture.NewTelegramId());
        var tariffId = await f.NewTariffAsync(days: 90, priceRub: 499.5m);
        var paymentId = PaymentIds.New();
        var payment = f.Client.Payment(paymentId);

        var created = await payment.CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Telegram));
        var checkout = await payment.CheckoutAsync(499.50m, "RUB");
        var paid = await payment.MarkSucceededAsync(new ProviderConfirmation("tg-charge-1", 499.5m, "RUB"));
        var secondCharge = await payment.MarkSucceededAsync(new ProviderConfirmation("tg-charge-2", 499.5m, "RUB"));

        Assert.Equal((PaymentOutcome.Done, 499.5m, "RUB"), (created.Outcome, created.Payment!.Amount, created.Payment.Currency));
        Assert.Equal(PaymentOutcome.Done, checkout.Outcome);
        Assert.Equal(PaymentOutcome.Done, paid.Outcome);
        Assert.Equal(PaymentOutcome.Invalid, secondCharge.Outcome);
        Assert.Contains("tg-charge-2", secondCharge.Error, StringComparison.Ordinal);
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(90), await f.ExpiresAtAsync(userId));
    }

    [Fact]
    public async Task MarkSucceeded_ConcurrentlyWithTheSameCharge_AppliesOnce()
    {
        var (userId, expiresAt) = await f.NewUserAsync(PaymentsFixture.NewTelegramId());
        var tariffId = await f.NewTariffAsync(days: 30, priceStars: 70);
        var paymentId = PaymentIds.New();
        await f.Client.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Stars));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            f.Client.Payment(paymentId).MarkSucceededAsync(new ProviderConfirmation("charge-x-" + paymentId, 70, "XTR"))));

        Assert.Single(results, r => r.Outcome == PaymentOutcome.Done);
        Assert.Equal(7, results.Count(r => r.Outcome == PaymentOutcome.Unchanged));
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.True(await f.OutboxDrainedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(30), await f.ExpiresAtAsync(userId));
    }

    [Fact]
    public async Task StarsPayment_ForAUserWithoutTelegram_IsInvalid()
    {
        var (userId, _) = await f.NewUserAsync();
        var tariffId = await f.NewTariffAsync();

        var created = await f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Stars));

        Assert.Equal(PaymentOutcome.Invalid, created.Outcome);
        Assert.Equal("Stars are paid in Telegram, and this user has no Telegram id.", created.Error);
    }

    [Fact]
    public async Task Refund_OfAPendingPayment_IsAConflict()
    {
        var (userId, _) = await f.NewUserAsync(PaymentsFixture.NewTelegramId());
        var paymentId = PaymentIds.New();
        await f.Client.Payment(paymentId).CreateAsync(new NewPayment(userId, await f.NewTariffAsync(), PaymentProvider.Stars));

        var problem = await f.Admin.PostAsync($"/admin/api/payments/{paymentId}/refund", expected: HttpStatusCode.Conflict);

        Assert.Equal("Only a paid payment can be refunded; this one is pending.", (string?)problem["detail"]);
    }
}

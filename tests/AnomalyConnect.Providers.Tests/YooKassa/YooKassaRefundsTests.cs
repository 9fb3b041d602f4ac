using System.Net;
using AnomalyConnect.Integrations.YooKassa;

namespace AnomalyConnect.Providers.Tests.YooKassa;

public sealed class YooKassaRefundsTests
{
    [Fact]
    public async Task CreateRefund_WhenPaymentSucceeded_RefundsAndPaymentShowsRefundedAmount()
    {
        await using var y = YooKassaHarness.Start();
        var payment = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(199m), "key-pay-r1");
        y.Server.Succeed(payment.Id);

        var refund = await y.Client.CreateRefundAsync(payment.Id, Amount.Rubles(50m), "key-refund-r1", "Partial refund");
        var again = await y.Client.CreateRefundAsync(payment.Id, Amount.Rubles(50m), "key-refund-r1", "Partial refund");
        var read = await y.Client.GetRefundAsync(refund.Id);
        var after = await y.Client.GetPaymentAsync(payment.Id);

        Assert.Equal((RefundStatus.Succeeded, payment.Id, 50m), (refund.Status, refund.PaymentId, refund.Amount.Value));
        Assert.Equal(refund.Id, again.Id);
        Assert.Equal(refund, read);
        Assert.Equal(Amount.Rubles(50m), after.RefundedAmount);
        Assert.True(after.Refundable);
        Assert.Equal("{\"payment_id\":\"" + payment.Id + "\",\"amount\":{\"value\":\"50.00\",\"currency\":\"RUB\"},\"description\":\"Partial refund\"}", y.Server.Requests[2].RawBody);
    }

    [Fact]
    public async Task CreateRefund_WhenPaymentIsPending_ThrowsInvalidRequest()
    {
        await using var y = YooKassaHarness.Start();
        var payment = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-pay-r2");

        var e = await Assert.ThrowsAsync<YooKassaApiException>(() => y.Client.CreateRefundAsync(payment.Id, Amount.Rubles(199m), "key-refund-r2"));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (e.StatusCode, e.Code));
    }

    [Fact]
    public async Task CreateRefund_WhenMoreThanWasPaid_ThrowsInvalidRequest()
    {
        await using var y = YooKassaHarness.Start();
        var payment = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(199m), "key-pay-r3");
        y.Server.Succeed(payment.Id);
        await y.Client.CreateRefundAsync(payment.Id, Amount.Rubles(199m), "key-refund-r3a");

        var e = await Assert.ThrowsAsync<YooKassaApiException>(() => y.Client.CreateRefundAsync(payment.Id, Amount.Rubles(1m), "key-refund-r3b"));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.False((await y.Client.GetPaymentAsync(payment.Id)).Refundable);
    }

    [Fact]
    public async Task GetRefund_WhenPendingRefundFinishes_ShowsSucceeded()
    {
        await using var y = YooKassaHarness.Start();
        y.Server.RefundsStartPending = true;
        var payment = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-pay-r4");
        y.Server.Succeed(payment.Id);
        var refund = await y.Client.CreateRefundAsync(payment.Id, Amount.Rubles(199m), "key-refund-r4");

        Assert.Equal(RefundStatus.Pending, refund.Status);
        y.Server.FinishRefund(refund.Id);

        Assert.Equal(RefundStatus.Succeeded, (await y.Client.GetRefundAsync(refund.Id)).Status);
        Assert.Equal(Amount.Rubles(199m), (await y.Client.GetPaymentAsync(payment.Id)).RefundedAmount);
    }
}

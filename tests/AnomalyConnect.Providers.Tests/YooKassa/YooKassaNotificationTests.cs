using AnomalyConnect.Integrations.YooKassa;

namespace AnomalyConnect.Providers.Tests.YooKassa;

public sealed class YooKassaNotificationTests
{
    [Fact]
    public async Task TryParse_WhenPaymentSucceededNotification_ReadsEventAndPayment()
    {
        await using var y = YooKassaHarness.Start();
        var created = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-n1");
        y.Server.Succeed(created.Id);
        var body = y.Server.BuildNotification(YooKassaEvents.PaymentSucceeded, created.Id);

        var parsed = YooKassaNotification.TryParse(body, out var notification, out var error);

        Assert.True(parsed, error);
        Assert.Equal((YooKassaEvents.PaymentSucceeded, created.Id), (notification!.Event, notification.ObjectId));
        Assert.True(notification.IsPaymentEvent);
        Assert.Equal(PaymentStatus.Succeeded, notification.Payment!.Status);
        Assert.Equal("user-1", notification.Payment.Metadata!["user_id"]);
        Assert.Null(notification.Refund);
    }

    [Fact]
    public async Task TryParse_WhenRefundSucceededNotification_ReadsRefund()
    {
        await using var y = YooKassaHarness.Start();
        var payment = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-n2");
        y.Server.Succeed(payment.Id);
        var refundId = y.Server.Refund(payment.Id);
        var body = System.Text.Encoding.UTF8.GetBytes(y.Server.BuildNotification(YooKassaEvents.RefundSucceeded, refundId));

        var parsed = YooKassaNotification.TryParse(body, out var notification, out var error);

        Assert.True(parsed, error);
        Assert.True(notification!.IsRefundEvent);
        Assert.Equal((refundId, payment.Id, 199m), (notification.Refund!.Id, notification.Refund.PaymentId, notification.Refund.Amount.Value));
    }

    [Fact]
    public void TryParse_WhenEventIsUnknown_ParsesIdWithoutTypedObject()
    {
        var parsed = YooKassaNotification.TryParse(
            """{"type":"notification","event":"payout.succeeded","object":{"id":"po-1","status":"succeeded"}}""", out var notification, out _);

        Assert.True(parsed);
        Assert.Equal(("payout.succeeded", "po-1"), (notification!.Event, notification.ObjectId));
        Assert.Null(notification.Payment);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{\"type\":\"notification\"")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"notification\",\"event\":\"payment.succeeded\"}")]
    [InlineData("{\"type\":\"something\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\"p\"}}")]
    [InlineData("{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":[]}")]
    [InlineData("{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":7}}")]
    [InlineData("{\"type\":\"notification\",\"event\":42,\"object\":{\"id\":\"p\"}}")]
    [InlineData("{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\"p\",\"status\":\"weird\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"}}}")]
    [InlineData("{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\"p\",\"status\":\"succeeded\",\"amount\":{\"value\":\"1,00\",\"currency\":\"RUB\"}}}")]
    [InlineData("{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\"p\"}} trailing")]
    public void TryParse_WhenBodyIsGarbage_FailsWithReason(string? body)
    {
        var parsed = YooKassaNotification.TryParse(body, out var notification, out var error);

        Assert.False(parsed);
        Assert.Null(notification);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_WhenNestingIsDeep_FailsWithoutThrowing()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000));

        Assert.False(YooKassaNotification.TryParse(deep, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void TryParse_WhenBytesAreNotUtf8_FailsWithoutThrowing()
    {
        byte[] body = [0x7B, 0xFF, 0xFE, 0x7D];

        Assert.False(YooKassaNotification.TryParse(body, out _, out _));
    }
}

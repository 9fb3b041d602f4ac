using System.Net;
using System.Text.Json.Nodes;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Integrations.YooKassa;
using AnomalyConnect.Payments.Tests.Support;
using AnomalyConnect.Testing.Fakes;
using PaymentStatus = AnomalyConnect.Contracts.Payments.PaymentStatus;

namespace AnomalyConnect.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class YooKassaPaymentTests(PaymentsFixture f)
{
    [Fact]
    public async Task Payment_WhenPaidAndNotified_ExtendsTheUserOnce()
    {
        var (userId, expiresAt) = await f.NewUserAsync();
        var tariffId = await f.NewTariffAsync(days: 30, priceRub: 199m);
        var paymentId = PaymentIds.New();

        var created = await f.Client.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.YooKassa));

        Assert.Equal(PaymentOutcome.Done, created.Outcome);
        Assert.Equal(PaymentStatus.Pending, created.Payment!.Status);
        Assert.NotNull(created.Payment.ConfirmationUrl);
        var providerId = created.Payment.ProviderPaymentId!;
        var request = Assert.Single(f.YooKassa.Requests, r => r is { Method: "POST", Path: "/v3/payments" } && r.IdempotenceKey == paymentId);
        Assert.Equal("199.00", (string?)request.Body!["amount"]!["value"]);
        Assert.Equal(paymentId, (string?)request.Body["metadata"]!["payment_id"]);

        f.YooKassa.Succeed(providerId);
        var response = await f.Admin.PostWebhookAsync(f.YooKassa.BuildNotification("payment.succeeded", providerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(30), await f.ExpiresAtAsync(userId));
        Assert.Equal("succeeded", (string?)(await f.PaymentAsync(paymentId))["status"]);
        Assert.Equal(1, await f.AuditCountAsync("user", userId, "user.apply_payment"));
    }

    [Fact]
    public async Task Notification_DeliveredFiveTimesThenFiveAtOnce_ExtendsTheUserOnce()
    {
        var (userId, expiresAt) = await f.NewUserAsync();
        var tariffId = await f.NewTariffAsync(days: 30);
        var (paymentId, providerId) = await CreateAsync(userId, tariffId);
        f.YooKassa.Succeed(providerId);
        var notification = f.YooKassa.BuildNotification("payment.succeeded", providerId);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await f.Admin.PostWebhookAsync(notification)).StatusCode);
        }
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => f.Admin.PostWebhookAsync(notification)));
        statuses.AddRange(concurrent.Select(r => r.StatusCode));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.True(await f.OutboxDrainedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(30), await f.ExpiresAtAsync(userId));
        Assert.Equal(1, await f.AuditCountAsync("user", userId, "user.apply_payment"));
        Assert.Equal(1, await f.AuditCountAsync("payment", paymentId, "payment.succeeded"));
    }

    [Fact]
    public async Task ForgedNotification_ForAPaymentTheApiSaysIsPending_ChangesNothing()
    {
        var (userId, expiresAt) = await f.NewUserAsync();
        var (paymentId, providerId) = await CreateAsync(userId, await f.NewTariffAsync());
        var forged = JsonNode.Parse(f.YooKassa.BuildNotification("payment.succeeded", providerId))!;
        forged["object"]!["status"] = "succeeded";
        forged["object"]!["paid"] = true;

        var response = await f.Admin.PostWebhookAsync(forged.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var payment = await f.PaymentAsync(paymentId);
        Assert.Equal("pending", (string?)payment["status"]);
        Assert.False(payment["applied_to_user"]!.GetValue<bool>());
        Assert.Equal(expiresAt, await f.ExpiresAtAsync(userId));
        Assert.Equal(0, await f.AuditCountAsync("user", userId, "user.apply_payment"));
    }

    [Fact]
    public async Task Notification_ForAPaymentNobodyKnows_Is200AndChangesNothing()
    {
        // One that YooKassa has never heard of, and one of the shop's that is none of ours (made outside this service).
        var strangers = new YooKassaClient(new HttpClient(), new YooKassaOptions { ShopId = f.YooKassa.ShopId, SecretKey = f.YooKassa.SecretKey, BaseUrl = f.YooKassa.BaseUrl });
        var foreign = await strangers.CreatePaymentAsync(
            new CreatePaymentRequest { Amount = Amount.Rubles(10), Confirmation = Confirmation.Redirect("https://example.com") }, Guid.NewGuid().ToString());
        f.YooKassa.Succeed(foreign.Id);
        var foreignNotification = f.YooKassa.BuildNotification("payment.succeeded", foreign.Id);
        var unheardOf = JsonNode.Parse(foreignNotification)!;
        unheardOf["object"]!["id"] = Guid.NewGuid().ToString();
        var auditBefore = await f.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var responses = new[] { await f.Admin.PostWebhookAsync(unheardOf.ToJsonString()), await f.Admin.PostWebhookAsync(foreignNotification) };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("unknown", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
        }
        Assert.Equal(auditBefore, await f.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task Notification_WhenTheApiIsDown_IsRefusedWith503_AndTheRetryAppliesIt()
    {
        var (userId, expiresAt) = await f.NewUserAsync();
        var (paymentId, providerId) = await CreateAsync(userId, await f.NewTariffAsync(days: 30));
        f.YooKassa.Succeed(providerId);
        var notification = f.YooKassa.BuildNotification("payment.succeeded", providerId);

        HttpResponseMessage down;
        f.YooKassa.Outage = FakeYooKassaOutage.InternalServerError;
        try
        {
            down = await f.Admin.PostWebhookAsync(notification);
        }
        finally
        {
            f.YooKassa.Outage = FakeYooKassaOutage.None;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pending", (string?)(await f.PaymentAsync(paymentId))["status"]);

        var retry = await f.Admin.PostWebhookAsync(notification);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(await f.AppliedAsync(paymentId));
        Assert.Equal(expiresAt.AddDays(30), await f.ExpiresAtAsync(userId));
    }

    [Fact]
    public async Task CanceledAtYooKassa_WhenNotified_CancelsOurPayment()
    {
        var (userId, _) = await f.NewUserAsync();
        var (paymentId, providerId) = await CreateAsync(userId, await f.NewTariffAsync());
        f.YooKassa.Cancel(providerId);

        var response = await f.Admin.PostWebhookAsync(f.YooKassa.BuildNotification("payment.canceled", providerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("canceled", (string?)(await f.PaymentAsync(paymentId))["status"]);
    }

    [Fact]
    public async Task Refund_FromTheAdminApi_RefundsAtYooKassaOnceWithAKeyFromOurId()
    {
        var (userId, _) = await f.NewUserAsync();
        var (paymentId, providerId) = await CreateAsync(userId, await f.NewTariffAsync(priceRub: 250m));
        f.YooKassa.Succeed(providerId);
        await f.Admin.PostWebhookAsync(f.YooKassa.BuildNotification("payment.succeeded", providerId));
        Assert.True(await f.AppliedAsync(paymentId));

        var refunded = await f.Admin.PostAsync($"/admin/api/payments/{paymentId}/refund");
        var again = await f.Admin.PostAsync($"/admin/api/payments/{paymentId}/refund");

        Assert.Equal("refunded", (string?)refunded["status"]);
        Assert.Equal("refunded", (string?)again["status"]);
        var refund = Assert.Single(f.YooKassa.Requests, r => r is { Method: "POST", Path: "/v3/refunds" } && (string?)r.Body!["payment_id"] == providerId);
        Assert.Equal("refund-" + paymentId, refund.IdempotenceKey);
        Assert.Equal("250.00", (string?)refund.Body!["amount"]!["value"]);
        Assert.Equal("250.00", (string?)f.YooKassa.GetPayment(providerId)["refunded_amount"]!["value"]);
        Assert.Equal(1, await f.AuditCountAsync("payment", paymentId, "payment.refunded"));
    }

    [Fact]
    public async Task RefundMadeInTheDashboard_WhenNotified_MarksThePaymentRefundedOnce()
    {
        var (userId, _) = await f.NewUserAsync();
        var (paymentId, providerId) = await CreateAsync(userId, await f.NewTariffAsync());
        f.YooKassa.Succeed(providerId);
        await f.Admin.PostWebhookAsync(f.YooKassa.BuildNotification("payment.succeeded", providerId));
        var refundId = f.YooKassa.Refund(providerId);
        var notification = f.YooKassa.BuildNotification("refund.succeeded", refundId);

        var first = await f.Admin.PostWebhookAsync(notification);
        var second = await f.Admin.PostWebhookAsync(notification);

        Assert.Equal("applied", (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["status"]);
        Assert.Equal("unchanged", (string?)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["status"]);
        Assert.Equal("refunded", (string?)(await f.PaymentAsync(paymentId))["status"]);
        Assert.Equal(1, await f.AuditCountAsync("payment", paymentId, "payment.refunded"));
    }

    [Fact]
    public async Task Create_WhenYooKassaIsDown_IsProviderUnavailable_AndCancelsSoNothingCanBePaid()
    {
        var (userId, _) = await f.NewUserAsync();
        var tariffId = await f.NewTariffAsync();
        var paymentId = PaymentIds.New();

        PaymentResult created;
        f.YooKassa.Outage = FakeYooKassaOutage.ResponseLost;
        try
        {
            created = await f.Client.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.YooKassa));
        }
        finally
        {
            f.YooKassa.Outage = FakeYooKassaOutage.None;
        }

        Assert.Equal(PaymentOutcome.ProviderUnavailable, created.Outcome);
        Assert.Equal(PaymentStatus.Canceled, created.Payment!.Status);
        Assert.Null(created.Payment.ConfirmationUrl);
    }

    [Fact]
    public async Task Create_RepeatedWithTheSameId_ReturnsTheSamePaymentAndCallsYooKassaOnce()
    {
        var (userId, _) = await f.NewUserAsync();
        var tariffId = await f.NewTariffAsync();
        var paymentId = PaymentIds.New();
        var request = new NewPayment(userId, tariffId, PaymentProvider.YooKassa);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => f.Client.Payment(paymentId).CreateAsync(request)));
        var again = await f.Client.Payment(paymentId).CreateAsync(request);

        Assert.All(results, r => Assert.Equal(results[0].Payment!.ConfirmationUrl, r.Payment!.ConfirmationUrl));
        Assert.Equal(PaymentOutcome.Unchanged, again.Outcome);
        Assert.Equal(results[0].Payment!.ProviderPaymentId, again.Payment!.ProviderPaymentId);
        Assert.Single(f.YooKassa.Payments, p => (string?)p["metadata"]?["payment_id"] == paymentId);
    }

    private async Task<(string PaymentId, string ProviderId)> CreateAsync(string userId, string tariffId)
    {
        var paymentId = PaymentIds.New();
        var created = await f.Client.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.YooKassa));
        Assert.Equal(PaymentOutcome.Done, created.Outcome);
        return (paymentId, created.Payment!.ProviderPaymentId!);
    }
}

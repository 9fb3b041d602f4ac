using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AnomalyConnect.Integrations.YooKassa;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Providers.Tests.YooKassa;

public sealed class YooKassaPaymentsTests
{
    [Fact]
    public async Task CreatePayment_WhenCultureUsesCommas_SendsBasicAuthKeyAndDotAmount()
    {
        await using var y = YooKassaHarness.Start();
        var previous = CultureInfo.CurrentCulture;
        // InvariantGlobalization has no ru-RU: build a culture that formats like it.
        var russianLike = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        russianLike.NumberFormat.NumberDecimalSeparator = ",";
        russianLike.NumberFormat.NumberGroupSeparator = "\u00a0";
        CultureInfo.CurrentCulture = russianLike;
        Payment payment;
        try
        {
            Assert.Equal("1\u00a0199,00", 1199m.ToString("N2", CultureInfo.CurrentCulture));
            payment = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(1199m), "key-culture-1");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var request = Assert.Single(y.Server.Requests);
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{y.Server.ShopId}:{y.Server.SecretKey}"));
        Assert.Equal(("POST", "/v3/payments", expectedAuth, "key-culture-1"), (request.Method, request.Path, request.Authorization, request.IdempotenceKey));
        Assert.Contains("\"amount\":{\"value\":\"1199.00\",\"currency\":\"RUB\"}", request.RawBody, StringComparison.Ordinal);
        var expected = JsonNode.Parse("""
            {
              "amount": {"value": "1199.00", "currency": "RUB"},
              "capture": true,
              "confirmation": {"type": "redirect", "return_url": "https://t.me/anomaly_bot"},
              "description": "Anomaly Connect, 30 days",
              "metadata": {"payment_id": "pay-1", "user_id": "user-1"}
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Body), request.RawBody);
        Assert.Equal((PaymentStatus.Pending, false, 1199m, "RUB"), (payment.Status, payment.Paid, payment.Amount.Value, payment.Amount.Currency));
        Assert.StartsWith(y.Server.BaseUrl.AbsoluteUri, payment.Confirmation!.ConfirmationUrl, StringComparison.Ordinal);
        Assert.Equal("user-1", payment.Metadata!["user_id"]);
    }

    [Fact]
    public async Task CreatePayment_WhenRetriedWithSameKey_ReturnsTheSamePayment()
    {
        await using var y = YooKassaHarness.Start();

        var first = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-retry-1");
        var again = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-retry-1");
        var other = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-retry-2");

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, y.Server.Payments.Count);
    }

    [Fact]
    public async Task CreatePayment_WhenSameKeyComesWithOtherParameters_ThrowsInvalidRequest()
    {
        await using var y = YooKassaHarness.Start();
        await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(199m), "key-dup-1");

        var e = await Assert.ThrowsAsync<YooKassaApiException>(() => y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(299m), "key-dup-1"));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request", "Idempotence-Key"), (e.StatusCode, e.Code, e.Parameter));
        Assert.False(e.IsRetryable);
    }

    [Fact]
    public async Task CreatePayment_WithReceipt_SendsReceiptAsYooKassaDocumentsIt()
    {
        await using var y = YooKassaHarness.Start();
        var receipt = new Receipt
        {
            Customer = new ReceiptCustomer { Email = "user@example.com" },
            Items =
            [
                new ReceiptItem
                {
                    Description = "VPN access, 30 days",
                    Amount = Amount.Rubles(199m),
                    PaymentMode = ReceiptPaymentMode.FullPrepayment,
                    PaymentSubject = ReceiptPaymentSubject.Service,
                },
            ],
        };

        await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(199m, receipt), "key-receipt-1");

        var body = Assert.Single(y.Server.Requests).Body!;
        var expected = JsonNode.Parse("""
            {
              "customer": {"email": "user@example.com"},
              "items": [{"description": "VPN access, 30 days", "quantity": 1, "amount": {"value": "199.00", "currency": "RUB"},
                         "vat_code": 1, "payment_mode": "full_prepayment", "payment_subject": "service"}]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, body["receipt"]), body["receipt"]!.ToJsonString());
    }

    [Fact]
    public async Task CreatePayment_WhenReceiptSumDiffersFromAmount_ThrowsWithParameter()
    {
        await using var y = YooKassaHarness.Start();
        var receipt = new Receipt
        {
            Customer = new ReceiptCustomer { Phone = "79001234567" },
            Items = [new ReceiptItem { Description = "VPN", Amount = Amount.Rubles(99m), Quantity = 2 }],
        };

        var e = await Assert.ThrowsAsync<YooKassaApiException>(() => y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(199m, receipt), "key-receipt-2"));

        Assert.Equal((HttpStatusCode.BadRequest, "receipt.items"), (e.StatusCode, e.Parameter));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("199.999")]
    public async Task CreatePayment_WhenAmountIsNotChargeable_ThrowsBeforeSending(string value)
    {
        await using var y = YooKassaHarness.Start();

        await Assert.ThrowsAsync<ArgumentException>(
            () => y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(decimal.Parse(value, CultureInfo.InvariantCulture)), "key-amount"));

        Assert.Empty(y.Server.Requests);
    }

    [Fact]
    public async Task CreatePayment_WhenIdempotenceKeyIsTooLong_ThrowsBeforeSending()
    {
        await using var y = YooKassaHarness.Start();

        await Assert.ThrowsAsync<ArgumentException>(() => y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), new string('k', 65)));
    }

    [Fact]
    public async Task CreatePayment_WhenCredentialsAreWrong_ThrowsUnauthorizedWithoutTheSecret()
    {
        const string wrongSecret = "live_WrongSecretThatMustNotLeak42";
        await using var y = YooKassaHarness.Start(clientSecretKey: wrongSecret);

        var e = await Assert.ThrowsAsync<YooKassaApiException>(() => y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-auth-1"));

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_credentials"), (e.StatusCode, e.Code));
        Assert.DoesNotContain(wrongSecret, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(y.Server.SecretKey, e.ToString(), StringComparison.Ordinal);
        Assert.Empty(y.Server.Payments);
    }

    [Fact]
    public async Task GetPayment_AfterSucceed_ShowsSucceededAndPaid()
    {
        await using var y = YooKassaHarness.Start();
        var created = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-get-1");

        y.Server.Succeed(created.Id);
        var payment = await y.Client.GetPaymentAsync(created.Id);

        Assert.Equal((PaymentStatus.Succeeded, true, true), (payment.Status, payment.Paid, payment.Refundable));
        Assert.Equal("bank_card", payment.PaymentMethod!.Type);
        Assert.NotNull(payment.CapturedAt);
        Assert.Equal("pay-1", payment.Metadata!["payment_id"]);
        Assert.Equal(Amount.Rubles(199m), payment.Amount);
    }

    [Fact]
    public async Task GetPayment_AfterCancel_ShowsCancellationDetails()
    {
        await using var y = YooKassaHarness.Start();
        var created = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-cancel-1");

        y.Server.Cancel(created.Id, reason: "expired_on_confirmation");
        var payment = await y.Client.GetPaymentAsync(created.Id);

        Assert.Equal(PaymentStatus.Canceled, payment.Status);
        Assert.Equal(new CancellationDetails("yoo_money", "expired_on_confirmation"), payment.CancellationDetails);
    }

    [Fact]
    public async Task GetPayment_WhenPayerOpensConfirmationUrl_PaymentSucceedsAndRedirectsBack()
    {
        await using var y = YooKassaHarness.Start();
        var created = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-checkout-1");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var checkout = await browser.GetAsync(created.Confirmation!.ConfirmationUrl);

        Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
        Assert.Equal("https://t.me/anomaly_bot", checkout.Headers.Location!.AbsoluteUri);
        Assert.Equal(PaymentStatus.Succeeded, (await y.Client.GetPaymentAsync(created.Id)).Status);
    }

    [Fact]
    public async Task GetPayment_WhenUnknown_ThrowsNotFound()
    {
        await using var y = YooKassaHarness.Start();

        var e = await Assert.ThrowsAsync<YooKassaApiException>(() => y.Client.GetPaymentAsync("2fd0a1b2-000f-5000-8000-000000000000"));

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (e.StatusCode, e.Code));
    }

    [Fact]
    public async Task CreatePayment_WhenApiIsDown_ThrowsRetryableAndRetrySucceedsOnce()
    {
        await using var y = YooKassaHarness.Start();
        y.Server.Outage = FakeYooKassaOutage.InternalServerError;

        var e = await Assert.ThrowsAsync<YooKassaApiException>(() => y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-down-1"));
        y.Server.Outage = FakeYooKassaOutage.None;
        var payment = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-down-1");

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.True(e.IsRetryable);
        Assert.Equal(payment.Id, Assert.Single(y.Server.Payments)["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreatePayment_WhenResponseWasLost_RetryWithSameKeyReturnsTheOnePaymentMade()
    {
        await using var y = YooKassaHarness.Start();
        y.Server.Outage = FakeYooKassaOutage.ResponseLost;

        await Assert.ThrowsAsync<YooKassaApiException>(() => y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-lost-1"));
        y.Server.Outage = FakeYooKassaOutage.None;
        var payment = await y.Client.CreatePaymentAsync(YooKassaHarness.Tariff(), "key-lost-1");

        Assert.Equal(payment.Id, Assert.Single(y.Server.Payments)["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetPayment_WhenApiHangs_ClientTimesOut()
    {
        await using var y = YooKassaHarness.Start(timeout: TimeSpan.FromMilliseconds(500));
        y.Server.Outage = FakeYooKassaOutage.Timeout;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => y.Client.GetPaymentAsync("anything"));

        Assert.Equal(0, Assert.Single(y.Server.Requests).StatusCode);
    }
}

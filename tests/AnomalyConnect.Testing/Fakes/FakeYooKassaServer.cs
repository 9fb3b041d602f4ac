using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// A loopback YooKassa API v3 for one shop: Basic auth, <c>POST/GET /v3/payments</c>, <c>POST/GET /v3/refunds</c>,
/// idempotence keys, YooKassa's error bodies. Tests move payments on (<see cref="Succeed"/>, <see cref="Cancel"/>),
/// refund, build the notification YooKassa would POST, and take the API down. The <c>confirmation_url</c> of a payment
/// points at this server: opening it pays the payment and redirects to the <c>return_url</c>, like a checkout page.
/// </summary>
public sealed class FakeYooKassaServer : IAsyncDisposable
{
    public const string DefaultShopId = "506751";
    public const string DefaultSecretKey = "test_F4keSecretKeyForLoopbackTestsOnly0123";

    private readonly FakeHttpServer http;
    private readonly FakeYooKassaLedger ledger;
    private readonly string expectedAuthorization;
    private readonly Lock gate = new();
    private readonly List<FakeYooKassaRequest> requests = [];

    private FakeYooKassaServer(string shopId, string secretKey, TimeProvider clock)
    {
        ShopId = shopId;
        SecretKey = secretKey;
        expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(shopId + ":" + secretKey));
        http = FakeHttpServer.Start(HandleAsync);
        ledger = new FakeYooKassaLedger(shopId, http.BaseUrl, clock);
    }

    /// <summary><c>http://127.0.0.1:port</c>: the API base URL to give the client (YOOKASSA_API_URL).</summary>
    public Uri BaseUrl => http.BaseUrl;

    public string ShopId { get; }

    public string SecretKey { get; }

    public FakeYooKassaOutage Outage { get; set; }

    /// <summary>New refunds stay pending until <see cref="FinishRefund"/>; by default they succeed at once.</summary>
    public bool RefundsStartPending
    {
        get => ledger.RefundsStartPending;
        set => ledger.RefundsStartPending = value;
    }

    /// <summary>Every API request received, in order (checkout page visits excluded).</summary>
    public IReadOnlyList<FakeYooKassaRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToArray();
            }
        }
    }

    public IReadOnlyList<JsonObject> Payments => ledger.Payments();

    public static FakeYooKassaServer Start(string shopId = DefaultShopId, string secretKey = DefaultSecretKey, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(shopId);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        return new FakeYooKassaServer(shopId, secretKey, clock ?? TimeProvider.System);
    }

    /// <summary>The payment as the API would return it now.</summary>
    public JsonObject GetPayment(string paymentId) => ledger.Payment(paymentId);

    public JsonObject GetRefund(string refundId) => ledger.RefundSnapshot(refundId);

    /// <summary>The payer paid: <c>succeeded</c>, <c>paid: true</c>, a payment method, refundable.</summary>
    public void Succeed(string paymentId, string paymentMethodType = "bank_card") => ledger.Succeed(paymentId, paymentMethodType);

    /// <summary>For <c>capture: false</c> payments: the payer paid and the money waits for a capture.</summary>
    public void MarkWaitingForCapture(string paymentId) => ledger.WaitForCapture(paymentId);

    public void Cancel(string paymentId, string party = "yoo_money", string reason = "expired_on_confirmation") =>
        ledger.Cancel(paymentId, party, reason);

    /// <summary>A refund made outside the API (the merchant's dashboard): the whole remaining amount by default.</summary>
    public string Refund(string paymentId, decimal? amount = null) => ledger.Refund(paymentId, amount);

    public void FinishRefund(string refundId, bool succeeded = true) => ledger.FinishRefund(refundId, succeeded);

    /// <summary>
    /// The body YooKassa would POST to the notification URL for <paramref name="eventName"/> (e.g.
    /// <c>payment.succeeded</c>, <c>refund.succeeded</c>) about the payment or refund as it is now.
    /// </summary>
    public string BuildNotification(string eventName, string objectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var subject = eventName.StartsWith("refund.", StringComparison.Ordinal) ? ledger.RefundSnapshot(objectId) : ledger.Payment(objectId);
        return new JsonObject { ["type"] = "notification", ["event"] = eventName, ["object"] = subject }.ToJsonString();
    }

    public ValueTask DisposeAsync() => http.DisposeAsync();

    private async Task<FakeHttpResponse> HandleAsync(FakeHttpRequest request, CancellationToken stopping)
    {
        if (request.Path.StartsWith("/checkout/", StringComparison.Ordinal))
        {
            return Checkout(request);
        }
        var rawBody = Encoding.UTF8.GetString(request.Body);
        JsonNode? body = null;
        try
        {
            body = rawBody.Length == 0 ? null : JsonNode.Parse(rawBody);
        }
        catch (JsonException)
        {
            // Answered below as an invalid request.
        }
        var outage = Outage;
        if (outage == FakeYooKassaOutage.Timeout)
        {
            Record(request, rawBody, body, 0);
            await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
        }
        var result = outage == FakeYooKassaOutage.InternalServerError ? InternalError() : Route(request, body, rawBody);
        if (outage == FakeYooKassaOutage.ResponseLost)
        {
            result = InternalError();
        }
        Record(request, rawBody, body, result.StatusCode);
        return FakeHttpResponse.Json(result.StatusCode, result.Body);
    }

    private FakeYooKassaResult Route(FakeHttpRequest request, JsonNode? body, string rawBody)
    {
        if (request.Header("Authorization") != expectedAuthorization)
        {
            return FakeYooKassaResult.Error(401, "invalid_credentials", "Authentication by given credentials failed");
        }
        var segments = request.Path.Trim('/').Split('/');
        if (segments is not ["v3", "payments" or "refunds", ..] || segments.Length > 3)
        {
            return FakeYooKassaResult.Error(404, "not_found", "Unknown API method");
        }
        var isPayments = segments[1] == "payments";
        switch (request.Method, segments.Length)
        {
            case ("GET", 3):
                return isPayments ? ledger.GetPayment(segments[2]) : ledger.GetRefund(segments[2]);
            case ("POST", 2):
                if (request.Header("Idempotence-Key") is not { Length: >= 1 and <= 64 } key)
                {
                    return FakeYooKassaResult.Invalid("The Idempotence-Key header is required and up to 64 characters", "Idempotence-Key");
                }
                if (body is not JsonObject json || !IsJson(request.ContentType))
                {
                    return FakeYooKassaResult.Invalid("The request body must be a JSON object: " + rawBody);
                }
                return isPayments ? ledger.CreatePayment(json, key) : ledger.CreateRefund(json, key);
            default:
                return FakeYooKassaResult.Error(405, "invalid_request", $"{request.Method} is not supported here");
        }
    }

    private FakeHttpResponse Checkout(FakeHttpRequest request)
    {
        if (!request.Query.TryGetValue("orderId", out var id) || ledger.GetPayment(id).StatusCode != 200)
        {
            return FakeHttpResponse.Text(404, "no such order");
        }
        var payment = ledger.Payment(id);
        if ((string?)payment["status"] == "pending")
        {
            ledger.Succeed(id, "bank_card");
        }
        return payment["confirmation"]?["return_url"] is { } returnUrl
            ? FakeHttpResponse.Redirect((string)returnUrl!)
            : FakeHttpResponse.Text(200, "paid");
    }

    private void Record(FakeHttpRequest request, string rawBody, JsonNode? body, int status)
    {
        lock (gate)
        {
            requests.Add(new FakeYooKassaRequest(
                request.Method,
                request.Path,
                request.Header("Authorization"),
                request.Header("Idempotence-Key"),
                rawBody,
                body?.DeepClone(),
                status));
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType == "application/json";

    private static FakeYooKassaResult InternalError() =>
        FakeYooKassaResult.Error(500, "internal_server_error", "Internal server error; repeat the request with the same Idempotence-Key");
}

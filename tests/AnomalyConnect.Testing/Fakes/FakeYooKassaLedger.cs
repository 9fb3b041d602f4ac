using System.Globalization;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// The fake shop's payments and refunds, kept as the JSON objects the API returns, and the idempotence keys seen
/// (a key repeated with the same body returns the first result; with another body it is an error, as on YooKassa).
/// </summary>
internal sealed class FakeYooKassaLedger(string shopId, Uri checkoutBase, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> payments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Body, FakeYooKassaResult Result, string? ObjectId)> keys = new(StringComparer.Ordinal);
    private int nextCard;

    public bool RefundsStartPending { get; set; }

    public FakeYooKassaResult CreatePayment(JsonObject body, string idempotenceKey) =>
        Idempotent("payments", body, idempotenceKey, payments, () =>
        {
            if (FakeYooKassaValidation.CreatePayment(body) is { } invalid)
            {
                return (invalid, null);
            }
            var id = Guid.NewGuid().ToString();
            var payment = new JsonObject
            {
                ["id"] = id,
                ["status"] = "pending",
                ["paid"] = false,
                ["amount"] = Money(FakeYooKassaValidation.ParseMoney(body["amount"]!["value"]!), (string)body["amount"]!["currency"]!),
                ["created_at"] = Now(),
                ["recipient"] = new JsonObject { ["account_id"] = shopId, ["gateway_id"] = "1000001" },
                ["refundable"] = false,
                ["test"] = true,
            };
            if (body["confirmation"] is JsonObject confirmation)
            {
                var answer = (JsonObject)confirmation.DeepClone();
                answer["confirmation_url"] = new Uri(checkoutBase, "/checkout/payments/v2/contract?orderId=" + id).AbsoluteUri;
                payment["confirmation"] = answer;
            }
            CopyIfPresent(body, payment, "description");
            CopyIfPresent(body, payment, "metadata");
            if (body["receipt"] is not null)
            {
                payment["receipt_registration"] = "pending";
            }
            payments[id] = payment;
            return (FakeYooKassaResult.Ok(payment), id);
        });

    public FakeYooKassaResult CreateRefund(JsonObject body, string idempotenceKey) =>
        Idempotent("refunds", body, idempotenceKey, refunds, () =>
        {
            if (FakeYooKassaValidation.CreateRefund(body) is { } invalid)
            {
                return (invalid, null);
            }
            try
            {
                var refund = AddRefund((string)body["payment_id"]!, FakeYooKassaValidation.ParseMoney(body["amount"]!["value"]!), (string?)body["description"]);
                return (FakeYooKassaResult.Ok(refund), (string)refund["id"]!);
            }
            catch (InvalidOperationException e)
            {
                return (FakeYooKassaResult.Invalid(e.Message, "payment_id"), null);
            }
        });

    public FakeYooKassaResult GetPayment(string id) => Get(payments, id, "Payment");

    public FakeYooKassaResult GetRefund(string id) => Get(refunds, id, "Refund");

    public JsonObject Payment(string id) => Snapshot(payments, id, "payment");

    public JsonObject RefundSnapshot(string id) => Snapshot(refunds, id, "refund");

    public IReadOnlyList<JsonObject> Payments()
    {
        lock (gate)
        {
            return payments.Values.Select(p => (JsonObject)p.DeepClone()).ToArray();
        }
    }

    /// <summary>The payer paid (and, with <c>capture: true</c>, the money is taken).</summary>
    public void Succeed(string id, string methodType)
    {
        lock (gate)
        {
            var payment = Pending(id);
            var amount = FakeYooKassaValidation.ParseMoney(payment["amount"]!["value"]!);
            var card = (++nextCard).ToString("0000", CultureInfo.InvariantCulture);
            payment["status"] = "succeeded";
            payment["paid"] = true;
            payment["refundable"] = true;
            payment["captured_at"] = Now();
            payment["income_amount"] = Money(decimal.Round(amount * 0.965m, 2), (string)payment["amount"]!["currency"]!);
            payment["payment_method"] = new JsonObject
            {
                ["type"] = methodType,
                ["id"] = Guid.NewGuid().ToString(),
                ["saved"] = false,
                ["title"] = methodType == "bank_card" ? "Bank card *" + card : methodType,
            };
            if (payment["receipt_registration"] is not null)
            {
                payment["receipt_registration"] = "succeeded";
            }
        }
    }

    public void WaitForCapture(string id)
    {
        lock (gate)
        {
            var payment = Pending(id);
            payment["status"] = "waiting_for_capture";
            payment["paid"] = true;
            payment["expires_at"] = clock.GetUtcNow().AddDays(7).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }
    }

    public void Cancel(string id, string party, string reason)
    {
        lock (gate)
        {
            var payment = Pending(id);
            payment["status"] = "canceled";
            payment["paid"] = false;
            payment["cancellation_details"] = new JsonObject { ["party"] = party, ["reason"] = reason };
        }
    }

    /// <summary>A refund made outside the API (the merchant's dashboard); the whole remaining amount when none is given.</summary>
    public string Refund(string paymentId, decimal? amount)
    {
        lock (gate)
        {
            var payment = Snapshot(payments, paymentId, "payment");
            var remaining = FakeYooKassaValidation.ParseMoney(payment["amount"]!["value"]!) - Refunded(payment);
            return (string)AddRefund(paymentId, amount ?? remaining, null)["id"]!;
        }
    }

    public void FinishRefund(string refundId, bool succeeded)
    {
        lock (gate)
        {
            var refund = refunds.GetValueOrDefault(refundId) ?? throw new InvalidOperationException($"No refund {refundId}.");
            if ((string?)refund["status"] != "pending")
            {
                throw new InvalidOperationException($"Refund {refundId} is {refund["status"]}, not pending.");
            }
            refund["status"] = succeeded ? "succeeded" : "canceled";
            if (succeeded)
            {
                AddRefunded(payments[(string)refund["payment_id"]!], FakeYooKassaValidation.ParseMoney(refund["amount"]!["value"]!));
            }
            else
            {
                refund["cancellation_details"] = new JsonObject { ["party"] = "yoo_money", ["reason"] = "rejected_by_payee" };
            }
        }
    }

    private JsonObject AddRefund(string paymentId, decimal amount, string? description)
    {
        lock (gate)
        {
            var payment = payments.GetValueOrDefault(paymentId) ?? throw new InvalidOperationException($"Payment {paymentId} doesn't exist.");
            if ((string?)payment["status"] != "succeeded")
            {
                throw new InvalidOperationException($"Payment {paymentId} is {payment["status"]}: only a succeeded payment can be refunded.");
            }
            var total = FakeYooKassaValidation.ParseMoney(payment["amount"]!["value"]!);
            var pendingRefunds = refunds.Values
                .Where(r => (string?)r["payment_id"] == paymentId && (string?)r["status"] == "pending")
                .Sum(r => FakeYooKassaValidation.ParseMoney(r["amount"]!["value"]!));
            if (amount <= 0 || amount > total - Refunded(payment) - pendingRefunds)
            {
                throw new InvalidOperationException($"The refund amount {FakeYooKassaValidation.FormatMoney(amount)} exceeds what is left to refund.");
            }
            var id = Guid.NewGuid().ToString();
            var refund = new JsonObject
            {
                ["id"] = id,
                ["payment_id"] = paymentId,
                ["status"] = RefundsStartPending ? "pending" : "succeeded",
                ["amount"] = Money(amount, (string)payment["amount"]!["currency"]!),
                ["created_at"] = Now(),
            };
            if (description is not null)
            {
                refund["description"] = description;
            }
            refunds[id] = refund;
            if (!RefundsStartPending)
            {
                AddRefunded(payment, amount);
            }
            return refund;
        }
    }

    private static void AddRefunded(JsonObject payment, decimal amount)
    {
        var refunded = Refunded(payment) + amount;
        payment["refunded_amount"] = Money(refunded, (string)payment["amount"]!["currency"]!);
        payment["refundable"] = refunded < FakeYooKassaValidation.ParseMoney(payment["amount"]!["value"]!);
    }

    private static decimal Refunded(JsonObject payment) =>
        payment["refunded_amount"] is JsonObject refunded ? FakeYooKassaValidation.ParseMoney(refunded["value"]!) : 0;

    private FakeYooKassaResult Idempotent(
        string scope,
        JsonObject body,
        string key,
        Dictionary<string, JsonObject> objects,
        Func<(FakeYooKassaResult Result, string? ObjectId)> create)
    {
        lock (gate)
        {
            var bodyText = body.ToJsonString();
            if (keys.TryGetValue(scope + "/" + key, out var seen))
            {
                if (seen.Body != bodyText)
                {
                    return FakeYooKassaResult.Invalid(
                        "Idempotence key duplicated: a request with this key and other parameters was already made", "Idempotence-Key");
                }
                return seen.ObjectId is null ? seen.Result : FakeYooKassaResult.Ok((JsonObject)objects[seen.ObjectId].DeepClone());
            }
            var (result, objectId) = create();
            keys[scope + "/" + key] = (bodyText, result, objectId);
            return result with { Body = (JsonObject)result.Body.DeepClone() };
        }
    }

    private FakeYooKassaResult Get(Dictionary<string, JsonObject> objects, string id, string what)
    {
        lock (gate)
        {
            return objects.TryGetValue(id, out var found)
                ? FakeYooKassaResult.Ok((JsonObject)found.DeepClone())
                : FakeYooKassaResult.NotFound(what);
        }
    }

    private JsonObject Snapshot(Dictionary<string, JsonObject> objects, string id, string what)
    {
        lock (gate)
        {
            return objects.TryGetValue(id, out var found)
                ? (JsonObject)found.DeepClone()
                : throw new InvalidOperationException($"The fake YooKassa has no {what} {id}.");
        }
    }

    private JsonObject Pending(string id)
    {
        var payment = payments.GetValueOrDefault(id) ?? throw new InvalidOperationException($"The fake YooKassa has no payment {id}.");
        return (string?)payment["status"] is "pending" or "waiting_for_capture"
            ? payment
            : throw new InvalidOperationException($"Payment {id} is already {payment["status"]}.");
    }

    private string Now() => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static JsonObject Money(decimal value, string currency) =>
        new() { ["value"] = FakeYooKassaValidation.FormatMoney(value), ["currency"] = currency };

    private static void CopyIfPresent(JsonObject from, JsonObject to, string name)
    {
        if (from[name] is { } value)
        {
            to[name] = value.DeepClone();
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>
/// A notification YooKassa POSTs (<c>{type: "notification", event, object}</c>). It is only a hint: anyone can POST
/// one, so act on <see cref="ObjectId"/> after reading the payment or refund back from the API.
/// </summary>
public sealed record YooKassaNotification(string Event, string ObjectId, Payment? Payment, Refund? Refund)
{
    public bool IsPaymentEvent => Event.StartsWith("payment.", StringComparison.Ordinal);

    public bool IsRefundEvent => Event.StartsWith("refund.", StringComparison.Ordinal);

    public static bool TryParse(
        string? body,
        [NotNullWhen(true)] out YooKassaNotification? notification,
        [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            notification = null;
            error = "The notification body is empty.";
            return false;
        }
        return TryParse(System.Text.Encoding.UTF8.GetBytes(body), out notification, out error);
    }

    /// <summary>Reads a notification body; anything else is a failure with a reason, never an exception.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Body,
        [NotNullWhen(true)] out YooKassaNotification? notification,
        [NotNullWhen(false)] out string? error)
    {
        notification = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                error = "The notification body has content after its JSON value.";
                return false;
            }
            error = Read(document.RootElement, out notification);
            return error is null;
        }
        catch (JsonException e)
        {
            error = "The notification body is not valid JSON: " + e.Message;
            return false;
        }
    }

    private static string? Read(JsonElement root, out YooKassaNotification? notification)
    {
        notification = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "The notification is not a JSON object.";
        }
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "notification")
        {
            return "The notification's type is not \"notification\".";
        }
        if (!root.TryGetProperty("event", out var eventElement)
            || eventElement.ValueKind != JsonValueKind.String
            || eventElement.GetString() is not { Length: > 0 } eventName)
        {
            return "The notification has no event.";
        }
        if (!root.TryGetProperty("object", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return "The notification has no object.";
        }
        if (!body.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } objectId)
        {
            return "The notification's object has no id.";
        }
        Payment? payment = null;
        Refund? refund = null;
        try
        {
            if (eventName.StartsWith("payment.", StringComparison.Ordinal))
            {
                payment = body.Deserialize<Payment>(YooKassaJson.Options);
            }
            else if (eventName.StartsWith("refund.", StringComparison.Ordinal))
            {
                refund = body.Deserialize<Refund>(YooKassaJson.Options);
            }
        }
        catch (JsonException e)
        {
            return $"The notification's object is not a readable {eventName.Split('.')[0]}: {e.Message}";
        }
        notification = new YooKassaNotification(eventName, objectId, payment, refund);
        return null;
    }
}

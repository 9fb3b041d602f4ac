using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>YooKassa's documented request rules, checked so that a client bug fails here as it would in production.</summary>
internal static partial class FakeYooKassaValidation
{
    /// <summary>Null when the payment request is acceptable.</summary>
    public static FakeYooKassaResult? CreatePayment(JsonObject body)
    {
        if (Amount(body["amount"], "amount") is { } badAmount)
        {
            return badAmount;
        }
        if (body["capture"] is { } capture && capture.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return FakeYooKassaResult.Invalid("capture must be a boolean", "capture");
        }
        if (body["confirmation"] is { } confirmation)
        {
            if (confirmation is not JsonObject c || Text(c, "type") is not { } type)
            {
                return FakeYooKassaResult.Invalid("confirmation.type is required", "confirmation.type");
            }
            if (type == "redirect" && !Uri.TryCreate(Text(c, "return_url"), UriKind.Absolute, out _))
            {
                return FakeYooKassaResult.Invalid("confirmation.return_url must be an absolute URL", "confirmation.return_url");
            }
        }
        if (body["description"] is { } description && (description.GetValueKind() != JsonValueKind.String || description.GetValue<string>().Length > 128))
        {
            return FakeYooKassaResult.Invalid("description must be a string of up to 128 characters", "description");
        }
        if (body["metadata"] is { } metadata && Metadata(metadata) is { } badMetadata)
        {
            return badMetadata;
        }
        return body["receipt"] is { } receipt ? Receipt(receipt, ParseMoney(body["amount"]!["value"]!)) : null;
    }

    public static FakeYooKassaResult? CreateRefund(JsonObject body)
    {
        if (Text(body, "payment_id") is not { Length: > 0 })
        {
            return FakeYooKassaResult.Invalid("payment_id is required", "payment_id");
        }
        return Amount(body["amount"], "amount");
    }

    /// <summary>A money value as YooKassa documents it: a string like "199.00".</summary>
    public static decimal ParseMoney(JsonNode value) =>
        decimal.Parse(value.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public static string FormatMoney(decimal value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static FakeYooKassaResult? Amount(JsonNode? node, string path)
    {
        if (node is not JsonObject amount)
        {
            return FakeYooKassaResult.Invalid($"{path} is required", path);
        }
        if (amount["value"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || !MoneyShape().IsMatch(value.GetValue<string>()))
        {
            return FakeYooKassaResult.Invalid($"{path}.value must be a string like \"199.00\"", path + ".value");
        }
        if (ParseMoney(value) <= 0)
        {
            return FakeYooKassaResult.Invalid($"{path}.value must be positive", path + ".value");
        }
        return Text(amount, "currency") is { } currency && CurrencyShape().IsMatch(currency)
            ? null
            : FakeYooKassaResult.Invalid($"{path}.currency must be an ISO 4217 code", path + ".currency");
    }

    private static FakeYooKassaResult? Metadata(JsonNode node)
    {
        if (node is not JsonObject metadata || metadata.Count > 16)
        {
            return FakeYooKassaResult.Invalid("metadata must be an object of at most 16 keys", "metadata");
        }
        foreach (var (key, value) in metadata)
        {
            if (key.Length > 32 || value is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Length > 512)
            {
                return FakeYooKassaResult.Invalid("metadata keys are up to 32 characters, values strings of up to 512", "metadata." + key);
            }
        }
        return null;
    }

    private static FakeYooKassaResult? Receipt(JsonNode node, decimal paymentAmount)
    {
        if (node is not JsonObject receipt)
        {
            return FakeYooKassaResult.Invalid("receipt must be an object", "receipt");
        }
        if (receipt["customer"] is not JsonObject customer || (Text(customer, "email") is null && Text(customer, "phone") is null))
        {
            return FakeYooKassaResult.Invalid("receipt.customer needs an email or a phone", "receipt.customer");
        }
        if (receipt["items"] is not JsonArray items || items.Count is 0 or > 100)
        {
            return FakeYooKassaResult.Invalid("receipt.items must hold 1 to 100 items", "receipt.items");
        }
        var sum = 0m;
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"receipt.items[{i}]";
            if (items[i] is not JsonObject item || Text(item, "description") is not { Length: >= 1 and <= 128 })
            {
                return FakeYooKassaResult.Invalid("an item's description must be 1 to 128 characters", path + ".description");
            }
            if (Amount(item["amount"], path + ".amount") is { } badAmount)
            {
                return badAmount;
            }
            if (Quantity(item["quantity"]) is not { } quantity || quantity <= 0)
            {
                return FakeYooKassaResult.Invalid("an item's quantity must be a positive number", path + ".quantity");
            }
            if (item["vat_code"] is not JsonValue vat || !vat.TryGetValue<int>(out var vatCode) || vatCode is < 1 or > 12)
            {
                return FakeYooKassaResult.Invalid("an item's vat_code must be 1 to 12", path + ".vat_code");
            }
            sum += ParseMoney(item["amount"]!["value"]!) * quantity;
        }
        return sum == paymentAmount
            ? null
            : FakeYooKassaResult.Invalid(
                $"The sum of the receipt items ({FormatMoney(sum)}) doesn't match the payment amount ({FormatMoney(paymentAmount)})", "receipt.items");
    }

    private static decimal? Quantity(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<decimal>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text)
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex(@"^\d{1,10}(\.\d{1,2})?$")]
    private static partial Regex MoneyShape();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyShape();
}

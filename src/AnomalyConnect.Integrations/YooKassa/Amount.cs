using System.Text.Json.Serialization;

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>A sum of money (<c>amount</c>): <c>{"value": "199.00", "currency": "RUB"}</c>.</summary>
public sealed record Amount(
    [property: JsonConverter(typeof(YooKassaDecimalConverter))] decimal Value,
    string Currency)
{
    public const string Rub = "RUB";

    public static Amount Rubles(decimal value) => new(value, Rub);

    /// <summary>Positive, with at most two decimals: what YooKassa accepts for a payment or a refund.</summary>
    internal bool IsValidToCharge => Value > 0 && decimal.Round(Value, 2) == Value && Currency is { Length: 3 };
}

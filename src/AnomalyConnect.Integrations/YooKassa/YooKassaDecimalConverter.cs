using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>
/// YooKassa writes money as a string with a dot and two decimals (<c>"199.00"</c>). Always the invariant culture: under
/// a Russian culture <c>ToString()</c> would write <c>"199,00"</c>.
/// </summary>
internal sealed class YooKassaDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDecimal();
        }
        if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new JsonException("A YooKassa amount value must be a decimal string such as \"199.00\".");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("F2", CultureInfo.InvariantCulture));
}

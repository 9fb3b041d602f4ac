using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>The serializer settings of the YooKassa API: snake_case names and enum values, nulls omitted.</summary>
public static class YooKassaJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

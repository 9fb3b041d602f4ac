using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// The serializer settings of the Bot API (snake_case, nulls omitted, enums as strings), also for reading webhook bodies:
/// <c>JsonSerializer.Deserialize&lt;Update&gt;(body, TelegramJson.Options)</c>.
/// </summary>
public static class TelegramJson
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

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// Reads Bot API parameters the lenient way Telegram does: a number may come as a JSON number or as a string (form
/// fields are always strings), a nested object as an object or as JSON text.
/// </summary>
internal static class FakeTelegramParameters
{
    public static long? Long(JsonObject parameters, string name) => parameters[name] switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static string? String(JsonObject parameters, string name) => parameters[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    public static bool? Bool(JsonObject parameters, string name) => parameters[name] switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Every parameter of a request: query string, then the body (JSON, urlencoded form or multipart).</summary>
    public static (JsonObject Parameters, Dictionary<string, FakeTelegramFile> Files) Read(FakeHttpRequest request)
    {
        var parameters = new JsonObject();
        var files = new Dictionary<string, FakeTelegramFile>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            parameters[name] = FieldValue(value);
        }
        var contentType = request.ContentType ?? string.Empty;
        if (request.Body.Length == 0)
        {
            return (parameters, files);
        }
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var body = JsonNode.Parse(request.Body) as JsonObject ?? throw new FormatException("The JSON body is not an object.");
            foreach (var (name, value) in body.ToArray())
            {
                body.Remove(name);
                parameters[name] = value;
            }
        }
        else if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var part in MultipartFormData.Parse(request.Body, contentType))
            {
                if (part.FileName is not null)
                {
                    files[part.Name] = new FakeTelegramFile(part.FileName, part.ContentType, part.Content);
                }
                else
                {
                    parameters[part.Name] = FieldValue(Encoding.UTF8.GetString(part.Content));
                }
            }
        }
        else if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var pair in Encoding.UTF8.GetString(request.Body).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Unescape(equals < 0 ? pair : pair[..equals]);
                parameters[name] = FieldValue(equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]));
            }
        }
        else
        {
            throw new FormatException($"Unsupported content type {contentType}.");
        }
        return (parameters, files);
    }

    private static JsonNode? FieldValue(string value)
    {
        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                // Not JSON after all: keep the text.
            }
        }
        return JsonValue.Create(value);
    }

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}

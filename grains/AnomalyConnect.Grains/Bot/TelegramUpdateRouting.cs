using System.Text.Json;
using AnomalyConnect.Contracts.Bot;

namespace AnomalyConnect.Grains.Bot;

/// <summary>
/// Reads just enough of an update's JSON to route it: <c>update_id</c>, the chat, the sender's language. Works on the
/// raw JSON so that an update of a kind nobody modelled still gets recorded (and its id confirmed) rather than failing.
/// </summary>
internal static class TelegramUpdateRouting
{
    private static readonly string[] MessageKinds = ["message", "edited_message"];

    /// <summary>The route, or null when the text is not a JSON object with a numeric <c>update_id</c>.</summary>
    public static TelegramUpdateRoute? Route(string updateJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(updateJson, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("update_id", out var id)
                || id.ValueKind != JsonValueKind.Number
                || !id.TryGetInt64(out var updateId))
            {
                return null;
            }
            foreach (var kind in MessageKinds)
            {
                if (Object(root, kind) is { } message)
                {
                    return Chat(updateId, Long(Object(message, "chat"), "id"), Object(message, "from"));
                }
            }
            if (Object(root, "callback_query") is { } query)
            {
                var from = Object(query, "from");
                return Chat(updateId, Long(Object(Object(query, "message"), "chat"), "id") ?? Long(from, "id"), from);
            }
            if (Object(root, "pre_checkout_query") is { } checkout)
            {
                var from = Object(checkout, "from");
                return Long(from, "id") is { } userId
                    ? new TelegramUpdateRoute(updateId, userId, BotOutboxKinds.CheckoutPartition(userId), Language(from))
                    : new TelegramUpdateRoute(updateId, null, null, null);
            }
            if (Object(root, "my_chat_member") is { } member)
            {
                return Chat(updateId, Long(Object(member, "chat"), "id"), Object(member, "from"));
            }
            return new TelegramUpdateRoute(updateId, null, null, null);
        }
    }

    private static TelegramUpdateRoute Chat(long updateId, long? chatId, JsonElement? from) =>
        chatId is { } id
            ? new TelegramUpdateRoute(updateId, id, BotOutboxKinds.ChatPartition(id), Language(from))
            : new TelegramUpdateRoute(updateId, null, null, null);

    private static string? Language(JsonElement? from) =>
        from is { } user && user.TryGetProperty("language_code", out var code) && code.ValueKind == JsonValueKind.String
            ? Truncate(code.GetString())
            : null;

    private static string? Truncate(string? code) => code is { Length: > 16 } ? code[..16] : code;

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } element
        && element.TryGetProperty(name, out var child)
        && child.ValueKind == JsonValueKind.Object
            ? child
            : null;

    private static long? Long(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } element
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var number)
            ? number
            : null;
}

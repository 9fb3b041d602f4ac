using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// One Bot API call the fake received: the method as sent, its parameters (JSON body, form fields or query; JSON-looking
/// multipart fields such as <c>reply_markup</c> parsed), uploaded files, and what the fake answered.
/// </summary>
public sealed record FakeTelegramCall(
    string Method,
    JsonObject Parameters,
    IReadOnlyDictionary<string, FakeTelegramFile> Files,
    int StatusCode,
    JsonNode? Result,
    string? ErrorDescription)
{
    private static readonly string[] MessageMethods = ["sendMessage", "sendPhoto", "sendInvoice"];

    public bool Succeeded => StatusCode == 200;

    /// <summary>A message the bot sent (text, photo or invoice) that Telegram accepted.</summary>
    public bool IsSentMessage => Succeeded && MessageMethods.Contains(Method, StringComparer.OrdinalIgnoreCase);

    public long? ChatId => FakeTelegramParameters.Long(Parameters, "chat_id");

    /// <summary>The text, or a photo's caption, or an invoice's title.</summary>
    public string? Text =>
        FakeTelegramParameters.String(Parameters, "text")
        ?? FakeTelegramParameters.String(Parameters, "caption")
        ?? FakeTelegramParameters.String(Parameters, "title");

    public string? ParseMode => FakeTelegramParameters.String(Parameters, "parse_mode");

    public JsonObject? ReplyMarkup => Parameters["reply_markup"] as JsonObject;

    /// <summary>The <c>message_id</c> the fake gave the sent or edited message.</summary>
    public long? MessageId => Result is JsonObject message ? message["message_id"]?.GetValue<long>() : null;

    /// <summary>Every inline button's callback data, row by row.</summary>
    public IReadOnlyList<string> CallbackData => Buttons().Select(b => FakeTelegramParameters.String(b, "callback_data")).OfType<string>().ToArray();

    /// <summary>Every inline button's text, row by row.</summary>
    public IReadOnlyList<string> ButtonTexts => Buttons().Select(b => FakeTelegramParameters.String(b, "text")).OfType<string>().ToArray();

    public override string ToString()
    {
        var chat = ChatId is { } id ? $" chat {id}" : string.Empty;
        var outcome = Succeeded ? "200" : $"{StatusCode} {ErrorDescription}";
        return $"{Method}{chat} → {outcome}: {Parameters.ToJsonString(new JsonSerializerOptions { WriteIndented = false })}";
    }

    private IEnumerable<JsonObject> Buttons() =>
        ReplyMarkup?["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(row => row.OfType<JsonObject>())
            : [];
}

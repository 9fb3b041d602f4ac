using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>Telegram's documented limits on texts, keyboards and photos, checked as Telegram checks them.</summary>
internal static class FakeTelegramValidation
{
    public static FakeTelegramAnswer? Text(string? text, JsonObject p, int maxLength, string what)
    {
        if (string.IsNullOrEmpty(text))
        {
            return FakeTelegramAnswer.BadRequest($"{what} is empty");
        }
        if (text.Length > maxLength)
        {
            return FakeTelegramAnswer.BadRequest(what == "message text" ? "message is too long" : "message caption is too long");
        }
        var parseMode = FakeTelegramParameters.String(p, "parse_mode");
        if (parseMode is not null && parseMode is not ("HTML" or "MarkdownV2" or "Markdown"))
        {
            return FakeTelegramAnswer.BadRequest("unsupported parse_mode");
        }
        return parseMode == "HTML" && FakeTelegramHtml.Problem(text) is { } problem ? FakeTelegramAnswer.BadRequest(problem) : null;
    }

    public static FakeTelegramAnswer? Keyboard(JsonObject p)
    {
        if (p["reply_markup"] is null)
        {
            return null;
        }
        if (p["reply_markup"] is not JsonObject markup || markup["inline_keyboard"] is not JsonArray rows
            || rows.Any(row => row is not JsonArray buttons || buttons.Any(b => b is not JsonObject)))
        {
            return FakeTelegramAnswer.BadRequest("can't parse reply keyboard markup JSON object");
        }
        foreach (var button in rows.OfType<JsonArray>().SelectMany(row => row.OfType<JsonObject>()))
        {
            if (FakeTelegramParameters.String(button, "text") is not { Length: > 0 })
            {
                return FakeTelegramAnswer.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
            }
            var data = FakeTelegramParameters.String(button, "callback_data");
            var url = FakeTelegramParameters.String(button, "url");
            var pay = FakeTelegramParameters.Bool(button, "pay") == true;
            if ((data is null ? 0 : 1) + (url is null ? 0 : 1) + (pay ? 1 : 0) != 1)
            {
                return FakeTelegramAnswer.BadRequest("can't parse inline keyboard button: exactly one of the optional fields must be used");
            }
            if (data is not null && Encoding.UTF8.GetByteCount(data) is < 1 or > 64)
            {
                return FakeTelegramAnswer.BadRequest("BUTTON_DATA_INVALID");
            }
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                return FakeTelegramAnswer.BadRequest("BUTTON_URL_INVALID");
            }
        }
        return null;
    }

    public static bool IsPng(byte[] content) => content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    public static bool IsJpeg(byte[] content) => content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF;

    public static (int Width, int Height) PngSize(byte[] png) =>
        png.Length >= 24
            ? (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)))
            : (0, 0);
}

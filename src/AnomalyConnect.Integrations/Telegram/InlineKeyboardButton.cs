using System.Text;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>A button of an inline keyboard (<c>InlineKeyboardButton</c>): exactly one of the optional fields is set.</summary>
public sealed record InlineKeyboardButton
{
    /// <summary>Telegram's limit on <c>callback_data</c>, in UTF-8 bytes.</summary>
    public const int MaxCallbackDataBytes = 64;

    public required string Text { get; init; }

    public string? CallbackData { get; init; }

    public string? Url { get; init; }

    /// <summary>Only as the first button of the keyboard of an invoice message.</summary>
    public bool? Pay { get; init; }

    public static InlineKeyboardButton WithCallbackData(string text, string callbackData)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrEmpty(callbackData);
        var bytes = Encoding.UTF8.GetByteCount(callbackData);
        if (bytes > MaxCallbackDataBytes)
        {
            // Telegram rejects the whole message with BUTTON_DATA_INVALID: fail where the button is made instead.
            throw new ArgumentException(
                $"Callback data is {bytes} UTF-8 bytes; Telegram allows at most {MaxCallbackDataBytes}.", nameof(callbackData));
        }
        return new InlineKeyboardButton { Text = text, CallbackData = callbackData };
    }

    public static InlineKeyboardButton WithUrl(string text, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new InlineKeyboardButton { Text = text, Url = url };
    }

    public static InlineKeyboardButton WithPay(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new InlineKeyboardButton { Text = text, Pay = true };
    }
}

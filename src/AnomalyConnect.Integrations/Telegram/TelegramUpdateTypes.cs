namespace AnomalyConnect.Integrations.Telegram;

/// <summary>Names for <c>allowed_updates</c>.</summary>
public static class TelegramUpdateTypes
{
    public const string Message = "message";
    public const string EditedMessage = "edited_message";
    public const string CallbackQuery = "callback_query";
    public const string PreCheckoutQuery = "pre_checkout_query";
    public const string MyChatMember = "my_chat_member";

    /// <summary>Everything the bot handles.</summary>
    public static IReadOnlyList<string> Bot { get; } = [Message, CallbackQuery, PreCheckoutQuery, MyChatMember];
}

namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record SendMessageRequest(
    long ChatId,
    string Text,
    ParseMode? ParseMode,
    InlineKeyboardMarkup? ReplyMarkup,
    LinkPreviewOptions? LinkPreviewOptions);

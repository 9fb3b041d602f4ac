namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record EditMessageTextRequest(
    long ChatId,
    long MessageId,
    string Text,
    ParseMode? ParseMode,
    InlineKeyboardMarkup? ReplyMarkup,
    LinkPreviewOptions? LinkPreviewOptions);

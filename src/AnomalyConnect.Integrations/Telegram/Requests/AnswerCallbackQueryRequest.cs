namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text, bool? ShowAlert, string? Url, int? CacheTime);

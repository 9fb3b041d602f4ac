namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record AnswerPreCheckoutQueryRequest(string PreCheckoutQueryId, bool Ok, string? ErrorMessage);

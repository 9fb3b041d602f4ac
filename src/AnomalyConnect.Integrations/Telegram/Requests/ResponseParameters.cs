namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record ResponseParameters(int? RetryAfter, long? MigrateToChatId);

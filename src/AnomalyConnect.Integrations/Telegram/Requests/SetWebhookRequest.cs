namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record SetWebhookRequest(string Url, string? SecretToken, IReadOnlyList<string>? AllowedUpdates, bool? DropPendingUpdates);

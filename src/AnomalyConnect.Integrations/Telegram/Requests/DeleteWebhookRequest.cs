namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record DeleteWebhookRequest(bool? DropPendingUpdates);

namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record GetUpdatesRequest(long? Offset, int? Limit, int? Timeout, IReadOnlyList<string>? AllowedUpdates);

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>202 while a config request waits for approval in Telegram: retry with <c>?request_id=</c>.</summary>
public sealed record PendingConfigResponse(string RequestId, string Status, DateTimeOffset ExpiresAt);

using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>What the notification led to, for logs on YooKassa's side: applied, unchanged, unknown, ignored or rejected.</summary>
public sealed record YooKassaWebhookResponse(YooKassaNotificationOutcome Status);

namespace AnomalyConnect.Contracts.Corporate;

/// <summary>
/// Payload of an outbox message of kind <see cref="CorporateOutboxKinds.ApprovalRequest"/>: ask the Telegram account
/// linked to the user to approve or deny a config request (buttons), answered through <see cref="ICorporateAccess.DecideAsync"/>.
/// </summary>
public sealed record ConfigApprovalRequested(string RequestId, string UserId, long TelegramId, string Channel, DateTimeOffset ExpiresAt);

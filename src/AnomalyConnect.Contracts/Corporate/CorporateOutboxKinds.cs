namespace AnomalyConnect.Contracts.Corporate;

/// <summary>The outbox message kinds of corporate access, for the handlers that deliver them (the bot).</summary>
public static class CorporateOutboxKinds
{
    /// <summary>A config request waits for approval in Telegram; payload <see cref="ConfigApprovalRequested"/>.</summary>
    public const string ApprovalRequest = "corporate.approval-request";

    /// <summary>Each request is its own partition: an undelivered prompt never holds up another chat message.</summary>
    public static string ApprovalRequestPartition(string requestId) => $"corporate-approval:{requestId}";
}

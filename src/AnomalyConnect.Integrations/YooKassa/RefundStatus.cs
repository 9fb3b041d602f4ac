namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>A refund's status; <see cref="Succeeded"/> and <see cref="Canceled"/> are final.</summary>
public enum RefundStatus
{
    Pending,
    Succeeded,
    Canceled,
}

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>A payment's status; <see cref="Succeeded"/> and <see cref="Canceled"/> are final.</summary>
public enum PaymentStatus
{
    Pending,
    WaitingForCapture,
    Succeeded,
    Canceled,
}

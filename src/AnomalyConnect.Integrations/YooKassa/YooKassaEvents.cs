namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>Notification events we subscribe to.</summary>
public static class YooKassaEvents
{
    public const string PaymentSucceeded = "payment.succeeded";
    public const string PaymentCanceled = "payment.canceled";
    public const string PaymentWaitingForCapture = "payment.waiting_for_capture";
    public const string RefundSucceeded = "refund.succeeded";
}

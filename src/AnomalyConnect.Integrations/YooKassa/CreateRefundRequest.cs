namespace AnomalyConnect.Integrations.YooKassa;

internal sealed record CreateRefundRequest(string PaymentId, Amount Amount, string? Description);

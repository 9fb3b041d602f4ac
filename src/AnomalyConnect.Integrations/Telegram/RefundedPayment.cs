namespace AnomalyConnect.Integrations.Telegram;

/// <summary>A payment Telegram refunded (<c>RefundedPayment</c>), e.g. after <c>refundStarPayment</c>.</summary>
public sealed record RefundedPayment
{
    public required string Currency { get; init; }

    public required long TotalAmount { get; init; }

    public required string InvoicePayload { get; init; }

    public required string TelegramPaymentChargeId { get; init; }

    public string? ProviderPaymentChargeId { get; init; }
}

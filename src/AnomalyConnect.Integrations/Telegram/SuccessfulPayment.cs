namespace AnomalyConnect.Integrations.Telegram;

/// <summary>A completed payment (<c>SuccessfulPayment</c>); <see cref="TotalAmount"/> is in the currency's smallest units (kopecks, Stars).</summary>
public sealed record SuccessfulPayment
{
    public required string Currency { get; init; }

    public required long TotalAmount { get; init; }

    public required string InvoicePayload { get; init; }

    public required string TelegramPaymentChargeId { get; init; }

    public string? ProviderPaymentChargeId { get; init; }
}

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>
/// A receipt line. <see cref="Amount"/> is the price of one unit; the lines' <c>amount × quantity</c> must add up to
/// the payment's amount. <see cref="VatCode"/> 1 is "without VAT".
/// </summary>
public sealed record ReceiptItem
{
    /// <summary>Up to 128 characters.</summary>
    public required string Description { get; init; }

    public decimal Quantity { get; init; } = 1;

    public required Amount Amount { get; init; }

    public int VatCode { get; init; } = 1;

    public ReceiptPaymentMode? PaymentMode { get; init; }

    public ReceiptPaymentSubject? PaymentSubject { get; init; }
}

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>The fiscal receipt data sent with a payment when the shop issues receipts through YooKassa.</summary>
public sealed record Receipt
{
    public required ReceiptCustomer Customer { get; init; }

    public required IReadOnlyList<ReceiptItem> Items { get; init; }

    public int? TaxSystemCode { get; init; }
}

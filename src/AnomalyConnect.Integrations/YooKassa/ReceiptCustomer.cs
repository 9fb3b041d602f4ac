namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>Where the fiscal receipt goes (54-FZ): an email or a phone (<c>79001234567</c>).</summary>
public sealed record ReceiptCustomer
{
    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? FullName { get; init; }
}

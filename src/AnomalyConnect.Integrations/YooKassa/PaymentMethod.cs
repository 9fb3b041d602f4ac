namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>How the payer paid (<c>bank_card</c>, <c>sbp</c>, <c>yoo_money</c>, …); <see cref="Title"/> is e.g. "Bank card *4444".</summary>
public sealed record PaymentMethod
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    public bool Saved { get; init; }

    public string? Title { get; init; }
}

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>A payment as YooKassa reports it; the rest of its fields are ignored.</summary>
public sealed record Payment
{
    public required string Id { get; init; }

    public required PaymentStatus Status { get; init; }

    public bool Paid { get; init; }

    public required Amount Amount { get; init; }

    public Amount? IncomeAmount { get; init; }

    public Amount? RefundedAmount { get; init; }

    public bool Refundable { get; init; }

    public Confirmation? Confirmation { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public PaymentMethod? PaymentMethod { get; init; }

    public CancellationDetails? CancellationDetails { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CapturedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public bool Test { get; init; }
}

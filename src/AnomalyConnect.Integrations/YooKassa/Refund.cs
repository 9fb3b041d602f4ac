namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>A refund of (part of) a payment.</summary>
public sealed record Refund
{
    public required string Id { get; init; }

    public required string PaymentId { get; init; }

    public required RefundStatus Status { get; init; }

    public required Amount Amount { get; init; }

    public string? Description { get; init; }

    public CancellationDetails? CancellationDetails { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

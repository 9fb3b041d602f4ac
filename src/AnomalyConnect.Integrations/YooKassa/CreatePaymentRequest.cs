namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>
/// The body of <c>POST /v3/payments</c>. <see cref="Metadata"/> carries our ids (payment, user); YooKassa returns it
/// with the payment and in notifications (up to 16 keys, keys ≤ 32 and values ≤ 512 characters).
/// </summary>
public sealed record CreatePaymentRequest
{
    public required Amount Amount { get; init; }

    /// <summary>True: the payment completes as soon as the payer pays, with no separate capture call.</summary>
    public bool Capture { get; init; } = true;

    public required Confirmation Confirmation { get; init; }

    /// <summary>Up to 128 characters, shown to the payer.</summary>
    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public Receipt? Receipt { get; init; }
}

namespace AnomalyConnect.Grains.Payments;

/// <summary>What a provider's confirmation does to a payment.</summary>
internal enum ConfirmationDecision
{
    /// <summary>The payment becomes succeeded now (from pending, or late from canceled: the money was taken).</summary>
    Succeed,

    /// <summary>The same confirmation again.</summary>
    AlreadyDone,

    /// <summary>It contradicts the payment (amount, currency, another charge): nothing changes.</summary>
    Refuse,
}

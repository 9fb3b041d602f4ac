namespace AnomalyConnect.Contracts.Payments;

/// <summary>
/// What the provider itself says about a payment, as read from its API (YooKassa) or from Telegram's
/// successful_payment — never from an unauthenticated request body.
/// </summary>
public sealed record ProviderConfirmation(string ProviderPaymentId, decimal Amount, string Currency);

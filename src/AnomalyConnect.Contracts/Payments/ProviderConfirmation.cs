namespace AnomalyConnect.Contracts.Payments;

/// <summary>
/// What the provider itself says about a payment, as read from its API (YooKassa) or from Telegram's
/// successful_payment — never from an unauthenticated request body. <see cref="Amount"/> is in whole units as the payment
/// shows it: roubles (Telegram's total_amount / 100) or Stars (total_amount as is); <see cref="Currency"/> is RUB or XTR.
/// </summary>
public sealed record ProviderConfirmation(string ProviderPaymentId, decimal Amount, string Currency);

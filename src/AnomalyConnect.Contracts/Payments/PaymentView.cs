namespace AnomalyConnect.Contracts.Payments;

/// <summary>
/// A payment. Amount is in roubles for YooKassa and Telegram, in Stars for Stars. ConfirmationUrl is YooKassa's
/// page to pay on; for Telegram and Stars the bot sends an invoice whose payload is <see cref="PaymentId"/>.
/// </summary>
public sealed record PaymentView(
    string PaymentId,
    string UserId,
    string TariffId,
    PaymentProvider Provider,
    PaymentStatus Status,
    decimal Amount,
    string Currency,
    string? PromoCode,
    string? ConfirmationUrl,
    string? ProviderPaymentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    bool AppliedToUser);

public enum PaymentOutcome
{
    Done,
    Unchanged,
    NotFound,
    Invalid,
    /// <summary>The provider could not be reached; nothing changed, try again.</summary>
    ProviderUnavailable,

    /// <summary>The provider this needs is not configured (no YooKassa shop, no bot for Stars refunds).</summary>
    ProviderNotConfigured,
}

public sealed record PaymentResult(PaymentOutcome Outcome, PaymentView? Payment, string? Error = null);

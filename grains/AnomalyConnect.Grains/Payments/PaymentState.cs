using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// The payment grain's state. What the purchase grants is copied from the tariff when the payment starts, so a later
/// change to the tariff changes nothing already bought.
/// </summary>
internal sealed class PaymentState
{
    public required string UserId { get; set; }

    public required string TariffId { get; set; }

    public string TariffTitle { get; set; } = "";

    public PaymentProvider Provider { get; set; }

    public PaymentStatus Status { get; set; }

    /// <summary>What the payer pays: roubles, or Stars for <see cref="PaymentProvider.Stars"/>.</summary>
    public decimal Amount { get; set; }

    /// <summary>The tariff's price before any promo code, in the same currency.</summary>
    public decimal ListAmount { get; set; }

    /// <summary>The tariff's rouble price, which a fixed rouble discount is weighed against for Stars.</summary>
    public decimal ListPriceRub { get; set; }

    public required string Currency { get; set; }

    public string? PromoCode { get; set; }

    /// <summary>The final price is known (the promo code, if any, was taken and applied).</summary>
    public bool Priced { get; set; }

    public int Days { get; set; }

    public long? TrafficLimitBytes { get; set; }

    public int? DeviceLimit { get; set; }

    /// <summary>The payer's Telegram id, which a Stars refund is addressed to.</summary>
    public long? TelegramUserId { get; set; }

    public string? ReturnUrl { get; set; }

    public string? ConfirmationUrl { get; set; }

    /// <summary>YooKassa's payment id, or Telegram's telegram_payment_charge_id.</summary>
    public string? ProviderPaymentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? TimeoutAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? CanceledAt { get; set; }

    public string? CancelReason { get; set; }

    public decimal RefundedAmount { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>Refunds already counted (provider refund ids), so a repeated report counts nothing twice.</summary>
    public List<string> RefundIds { get; set; } = [];

    public bool AppliedToUser { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }
}

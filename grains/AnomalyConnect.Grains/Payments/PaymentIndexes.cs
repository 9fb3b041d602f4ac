using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Grains.Payments;

/// <summary>The payment grain's type name, its timer, and the secondary keys a payment is found by.</summary>
internal static class PaymentIndexes
{
    public const string GrainType = "payment";

    /// <summary>Cancels a payment left pending too long.</summary>
    public const string PendingTimeoutTimer = "pending-timeout";

    /// <summary>The index of a provider's payment or charge id.</summary>
    public static string ProviderIndex(PaymentProvider provider) => provider switch
    {
        PaymentProvider.YooKassa => "yookassa-payment-id",
        PaymentProvider.Telegram => "telegram-charge-id",
        PaymentProvider.Stars => "stars-charge-id",
        _ => "manual-reference",
    };
}

namespace AnomalyConnect.Grains.Payments;

/// <summary>The outbox messages of payments and promo codes, and how each is partitioned.</summary>
public static class PaymentOutboxKinds
{
    public const string Apply = "payment.apply";
    public const string PromoRelease = "promo.release";
    public const string PromoGrant = "promo.grant";

    public static string PaymentPartition(string paymentId) => $"payment:{paymentId}";

    public static string PromoPartition(string code) => $"promo:{code}";
}

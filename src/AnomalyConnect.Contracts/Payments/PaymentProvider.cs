namespace AnomalyConnect.Contracts.Payments;

public enum PaymentProvider
{
    YooKassa,
    /// <summary>Telegram Payments with a provider token (bank cards), in roubles.</summary>
    Telegram,
    /// <summary>Telegram Stars (currency XTR, no provider token).</summary>
    Stars,
    Manual,
}

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Canceled,
    Refunded,
}

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary><c>payment_mode</c> of a receipt line (признак способа расчёта).</summary>
public enum ReceiptPaymentMode
{
    FullPrepayment,
    PartialPrepayment,
    Advance,
    FullPayment,
    PartialPayment,
    Credit,
    CreditPayment,
}

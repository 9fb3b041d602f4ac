namespace AnomalyConnect.Integrations.YooKassa;

/// <summary><c>payment_subject</c> of a receipt line (признак предмета расчёта); a VPN subscription is a service.</summary>
public enum ReceiptPaymentSubject
{
    Commodity,
    Excise,
    Job,
    Service,
    Payment,
    IntellectualActivity,
    Another,
}

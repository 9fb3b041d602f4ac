namespace AnomalyConnect.Grains.Payments;

/// <summary>A price and what it buys: the amount in the payment's currency (RUB or XTR), days, traffic and devices.</summary>
internal sealed record PaymentQuote(decimal Amount, string Currency, int Days, long? TrafficLimitBytes, int? DeviceLimit);

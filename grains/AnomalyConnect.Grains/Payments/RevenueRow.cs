using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Grains.Payments;

/// <summary>A paid payment as revenue sees it: what came in when, and what went back when.</summary>
internal sealed record RevenueRow(
    PaymentProvider Provider, string TariffId, string Currency, decimal Amount, decimal RefundedAmount, DateTimeOffset PaidAt, DateTimeOffset? RefundedAt);

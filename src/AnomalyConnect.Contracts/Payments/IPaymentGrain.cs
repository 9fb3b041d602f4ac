using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Payments;

/// <summary>
/// A payment: pending → succeeded | canceled; succeeded → refunded. A success is applied to the user exactly once
/// (the user records the payment ids it applied). A stale pending payment is canceled by its own timer.
/// </summary>
public interface IPaymentGrain : IGrain
{
    Task<PaymentResult> CreateAsync(NewPayment payment);

    Task<PaymentView?> GetAsync();

    /// <summary>Telegram's pre_checkout_query: is this payment still pending, for this amount and currency?</summary>
    Task<PaymentResult> CheckoutAsync(decimal amount, string currency);

    Task<PaymentResult> MarkSucceededAsync(ProviderConfirmation confirmation);

    Task<PaymentResult> CancelAsync(string reason);

    Task<PaymentResult> RefundAsync(Actor actor);
}

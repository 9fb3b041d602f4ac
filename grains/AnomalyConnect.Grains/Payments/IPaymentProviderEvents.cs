using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// What only the grains' own handlers tell a payment: a refund the provider reports, and that the user got what the
/// payment bought. Reached through <see cref="IPaymentGrain"/> (one interface per grain type) with <see cref="Of"/>.
/// </summary>
internal interface IPaymentProviderEvents
{
    /// <summary>Counts a refund the provider made (ours or from its dashboard) once per refund id.</summary>
    Task<PaymentResult> RecordRefundAsync(string refundId, decimal amount, string currency, Actor actor);

    /// <summary>Notes that the user applied this payment; false when already noted.</summary>
    Task<bool> MarkAppliedAsync();

    public static IPaymentProviderEvents Of(IGrainFactory grains, string paymentId) =>
        (IPaymentProviderEvents)grains.GetGrain<IPaymentGrain>(paymentId);
}

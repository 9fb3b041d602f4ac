using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Grains.Payments;

internal static class PaymentViews
{
    public static PaymentView Of(string paymentId, PaymentState state) => new(
        paymentId,
        state.UserId,
        state.TariffId,
        state.Provider,
        state.Status,
        state.Amount,
        state.Currency,
        state.PromoCode,
        state.ConfirmationUrl,
        state.ProviderPaymentId,
        state.CreatedAt,
        state.PaidAt,
        state.AppliedToUser);
}

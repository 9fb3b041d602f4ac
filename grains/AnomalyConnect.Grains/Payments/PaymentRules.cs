using System.Globalization;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Catalog;

namespace AnomalyConnect.Grains.Payments;

/// <summary>The payment's state machine: pending → succeeded | canceled; succeeded → refunded. Sentences for every refusal.</summary>
internal static class PaymentRules
{
    public static string? Validate(NewPayment payment) => payment switch
    {
        _ when !UserIds.IsWellFormed(payment.UserId) => "user_id may hold letters, digits, '-', '_' and '.', up to 64 characters.",
        _ when !CatalogRules.IsWellFormedId(payment.TariffId) => "tariff_id may hold letters, digits, '-', '_' and '.', up to 64 characters.",
        _ when !Enum.IsDefined(payment.Provider) => "provider must be yoo_kassa, telegram, stars or manual.",
        { PromoCode: { } code } when !PromoCodes.IsWellFormed(PromoCodes.Normalize(code)) => PromoRules.Sentence(PromoRedemptionOutcome.NotFound),
        { ReturnUrl: { } url } when !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) =>
            "return_url must be an absolute http:// or https:// URL.",
        _ => null,
    };

    public static PaymentState NewPending(NewPayment payment, Tariff tariff, UserView user, PaymentQuote quote, DateTimeOffset now, TimeSpan timeout) => new()
    {
        UserId = payment.UserId,
        TariffId = tariff.TariffId,
        TariffTitle = tariff.Title,
        Provider = payment.Provider,
        Status = PaymentStatus.Pending,
        Amount = quote.Amount,
        ListAmount = quote.Amount,
        ListPriceRub = tariff.PriceRub,
        Currency = quote.Currency,
        PromoCode = payment.PromoCode is { } code ? PromoCodes.Normalize(code) : null,
        Priced = payment.PromoCode is null,
        Days = quote.Days,
        TrafficLimitBytes = quote.TrafficLimitBytes,
        DeviceLimit = quote.DeviceLimit,
        TelegramUserId = user.TelegramId,
        ReturnUrl = payment.ReturnUrl,
        CreatedAt = now,
        TimeoutAt = now + timeout,
    };

    /// <summary>Whether a repeated create asks for the purchase this payment already is.</summary>
    public static bool IsSameRequest(PaymentState state, NewPayment payment) =>
        state.UserId == payment.UserId
        && state.TariffId == payment.TariffId
        && state.Provider == payment.Provider
        && state.PromoCode == (payment.PromoCode is { } code ? PromoCodes.Normalize(code) : null);

    /// <summary>Null when Telegram may take this money for this payment now (pre_checkout_query).</summary>
    public static string? CheckoutProblem(PaymentState state, decimal amount, string currency) => state switch
    {
        { Provider: not (PaymentProvider.Telegram or PaymentProvider.Stars) } => "This payment is not paid through Telegram.",
        { Status: PaymentStatus.Succeeded or PaymentStatus.Refunded } => "This payment is already paid.",
        { Status: PaymentStatus.Canceled } => "This payment was canceled; please start a new purchase.",
        { Priced: false } => "This payment is not ready yet; please try again in a moment.",
        _ when !Matches(state, amount, currency) => $"The invoice asks for {Money(amount, currency)}, but the payment is for {Money(state.Amount, state.Currency)}.",
        _ => null,
    };

    public static (ConfirmationDecision Decision, string? Error) Confirm(PaymentState state, ProviderConfirmation confirmation)
    {
        if (string.IsNullOrWhiteSpace(confirmation.ProviderPaymentId))
        {
            return (ConfirmationDecision.Refuse, "The confirmation carries no provider payment id.");
        }
        if (state.Status is PaymentStatus.Succeeded or PaymentStatus.Refunded)
        {
            return confirmation.ProviderPaymentId == state.ProviderPaymentId
                ? (ConfirmationDecision.AlreadyDone, null)
                : (ConfirmationDecision.Refuse, $"This payment was already paid with another charge ({state.ProviderPaymentId}); charge {confirmation.ProviderPaymentId} must be refunded.");
        }
        if (!state.Priced)
        {
            return (ConfirmationDecision.Refuse, "This payment has no final price yet, so nothing can have been paid for it.");
        }
        if (!Matches(state, confirmation.Amount, confirmation.Currency))
        {
            return (ConfirmationDecision.Refuse,
                $"The provider reports {Money(confirmation.Amount, confirmation.Currency)}, but the payment is for {Money(state.Amount, state.Currency)}.");
        }
        if (state.ProviderPaymentId is { } known && known != confirmation.ProviderPaymentId)
        {
            return (ConfirmationDecision.Refuse, $"The provider's payment id {confirmation.ProviderPaymentId} is not this payment's ({known}).");
        }
        return (ConfirmationDecision.Succeed, null);
    }

    /// <summary>Marks the payment paid. A canceled payment that the provider says was paid is paid: the money was taken.</summary>
    public static void Succeed(PaymentState state, string? providerPaymentId, DateTimeOffset now)
    {
        state.Status = PaymentStatus.Succeeded;
        state.ProviderPaymentId = providerPaymentId ?? state.ProviderPaymentId;
        state.PaidAt = now;
        state.TimeoutAt = null;
    }

    /// <summary>Cancels a pending payment; false when it is not pending.</summary>
    public static bool Cancel(PaymentState state, string reason, DateTimeOffset now)
    {
        if (state.Status != PaymentStatus.Pending)
        {
            return false;
        }
        state.Status = PaymentStatus.Canceled;
        state.CanceledAt = now;
        state.CancelReason = reason.Length <= 200 ? reason : reason[..200];
        state.TimeoutAt = null;
        return true;
    }

    /// <summary>Counts a provider's refund once; true when it was new.</summary>
    public static bool RecordRefund(PaymentState state, string refundId, decimal amount, DateTimeOffset now)
    {
        if (state.RefundIds.Contains(refundId))
        {
            return false;
        }
        state.RefundIds.Add(refundId);
        state.RefundedAmount = Math.Min(state.Amount, state.RefundedAmount + amount);
        state.RefundedAt = now;
        if (state.RefundedAmount >= state.Amount)
        {
            state.Status = PaymentStatus.Refunded;
        }
        return true;
    }

    /// <summary>YooKassa's Idempotence-Key of our refund of this payment: derived from the payment id, at most 64 characters.</summary>
    public static string RefundKey(string paymentId)
    {
        var key = "refund-" + paymentId;
        return key.Length <= 64
            ? key
            : "refund-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(paymentId)))[..57];
    }

    public static string Money(decimal amount, string currency) =>
        amount.ToString("0.##", CultureInfo.InvariantCulture) + " " + currency;

    private static bool Matches(PaymentState state, decimal amount, string currency) =>
        amount == state.Amount && string.Equals(currency, state.Currency, StringComparison.OrdinalIgnoreCase);
}

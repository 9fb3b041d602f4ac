using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Payments;
using RefundStatus = AnomalyConnect.Integrations.YooKassa.RefundStatus;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// Refunds: the provider is asked first (with a key derived from our payment id, so asking twice refunds once), and
/// only the refund it confirms is recorded, in one turn, counted once per refund id.
/// </summary>
internal sealed partial class PaymentGrain
{
    public async Task<PaymentResult> RefundAsync(Actor actor)
    {
        if (await ReadStateAsync() is not { } state)
        {
            return NotFound;
        }
        var view = PaymentViews.Of(Key, state);
        if (state.Status == PaymentStatus.Refunded)
        {
            return new PaymentResult(PaymentOutcome.Unchanged, view);
        }
        if (state.Status != PaymentStatus.Succeeded)
        {
            return new PaymentResult(PaymentOutcome.Invalid, view, $"Only a paid payment can be refunded; this one is {state.Status.ToString().ToLowerInvariant()}.");
        }
        var left = state.Amount - state.RefundedAmount;
        if (left <= 0)
        {
            return new PaymentResult(PaymentOutcome.Invalid, view, "Nothing was paid for this payment, so there is nothing to refund.");
        }
        return state.Provider switch
        {
            PaymentProvider.YooKassa => await RefundAtYooKassaAsync(state, left, actor),
            PaymentProvider.Stars => await RefundStarsAsync(state, actor),
            PaymentProvider.Telegram => new PaymentResult(PaymentOutcome.Invalid, view,
                "Telegram Payments card payments are refunded in the payment provider's dashboard; the bot cannot refund them."),
            _ => await RecordRefundAsync("manual", left, state.Currency, actor),
        };
    }

    private async Task<PaymentResult> RefundAtYooKassaAsync(PaymentState state, decimal amount, Actor actor)
    {
        var view = PaymentViews.Of(Key, state);
        if (!yooKassa.IsConfigured)
        {
            return new PaymentResult(PaymentOutcome.ProviderNotConfigured, view, "YooKassa is not configured (YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY).");
        }
        var call = await yooKassa.RefundAsync(state.ProviderPaymentId!, amount, PaymentRules.RefundKey(Key), CancellationToken.None);
        switch (call)
        {
            case { Outcome: ProviderCallOutcome.Unavailable }:
                return new PaymentResult(PaymentOutcome.ProviderUnavailable, view, "YooKassa could not be reached; nothing was refunded. Try again.");
            case { Outcome: not ProviderCallOutcome.Ok } or { Value: null }:
                return new PaymentResult(PaymentOutcome.Invalid, view, "YooKassa refused the refund: " + call.Error);
            case { Value.Status: RefundStatus.Succeeded } refund:
                return await RecordRefundAsync(refund.Value.Id, refund.Value.Amount.Value, refund.Value.Amount.Currency, actor);
            case { Value.Status: RefundStatus.Canceled } refund:
                return new PaymentResult(PaymentOutcome.Invalid, view, "YooKassa canceled the refund: " + (refund.Value.CancellationDetails?.Reason ?? "no reason given"));
            default:
                // Pending at YooKassa: refund.succeeded will come as a notification and be recorded then.
                await UpdateAsync(async turn =>
                {
                    await AuditAsync(turn, "payment.refund_requested", actor, new { refund_id = call.Value.Id, amount });
                    return true;
                });
                return new PaymentResult(PaymentOutcome.Done, view, "YooKassa accepted the refund; it completes when YooKassa confirms it.");
        }
    }

    private async Task<PaymentResult> RefundStarsAsync(PaymentState state, Actor actor)
    {
        var view = PaymentViews.Of(Key, state);
        if (!stars.IsConfigured)
        {
            return new PaymentResult(PaymentOutcome.ProviderNotConfigured, view, "No bot is configured (BOT_TOKEN): Stars can only be refunded through the bot.");
        }
        if (state is not { TelegramUserId: { } telegramUserId, ProviderPaymentId: { } chargeId })
        {
            return new PaymentResult(PaymentOutcome.Invalid, view, "This Stars payment has no Telegram charge to refund.");
        }
        var call = await stars.RefundAsync(telegramUserId, chargeId, CancellationToken.None);
        return call.Outcome switch
        {
            ProviderCallOutcome.Ok => await RecordRefundAsync("stars:" + chargeId, state.Amount, state.Currency, actor),
            ProviderCallOutcome.Unavailable => new PaymentResult(PaymentOutcome.ProviderUnavailable, view, "Telegram could not be reached; nothing was refunded. Try again."),
            _ => new PaymentResult(PaymentOutcome.Invalid, view, "Telegram refused the refund: " + call.Error),
        };
    }
}

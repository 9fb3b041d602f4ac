using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Audit;
using AnomalyConnect.Grains.Payments.Messages;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// A payment. Every change is one turn that also writes its audit entry; a success sends "payment.apply" through the
/// outbox in the same turn, and the user grain applies a payment id at most once, so the user gets what was paid for
/// exactly once however often and however concurrently the provider confirms. Creation and refunds, which talk to
/// providers between turns, are in the other parts of this class.
/// </summary>
internal sealed partial class PaymentGrain(
    IGrainFactory grains,
    ICatalog catalog,
    YooKassaGateway yooKassa,
    TelegramStarsRefunds stars,
    IOptions<PaymentOptions> options,
    ILogger<PaymentGrain> logger) : Grain<PaymentState>, IPaymentGrain, IPaymentProviderEvents
{
    /// <summary>A checkout Telegram is asking about is not canceled by the timeout for at least this long.</summary>
    private static readonly TimeSpan CheckoutGrace = TimeSpan.FromMinutes(10);

    public async Task<PaymentView?> GetAsync() =>
        await ReadStateAsync() is { } state ? PaymentViews.Of(Key, state) : null;

    public Task<PaymentResult> CheckoutAsync(decimal amount, string currency) => UpdateAsync(turn =>
    {
        if (turn.State is not { } state)
        {
            return NotFound;
        }
        if (PaymentRules.CheckoutProblem(state, amount, currency ?? "") is { } problem)
        {
            return new PaymentResult(PaymentOutcome.Invalid, PaymentViews.Of(Key, state), problem);
        }
        if (state.TimeoutAt is { } due && due - turn.Now < CheckoutGrace)
        {
            state.TimeoutAt = turn.Now + CheckoutGrace;
            turn.SetTimer(PaymentIndexes.PendingTimeoutTimer, state.TimeoutAt.Value);
        }
        return new PaymentResult(PaymentOutcome.Done, PaymentViews.Of(Key, state));
    });

    public async Task<PaymentResult> MarkSucceededAsync(ProviderConfirmation confirmation)
    {
        try
        {
            return await UpdateAsync(async turn =>
            {
                if (turn.State is not { } state)
                {
                    return NotFound;
                }
                var (decision, error) = PaymentRules.Confirm(state, confirmation);
                var actor = ProviderActor(state, confirmation.ProviderPaymentId);
                switch (decision)
                {
                    case ConfirmationDecision.AlreadyDone:
                        return new PaymentResult(PaymentOutcome.Unchanged, PaymentViews.Of(Key, state));
                    case ConfirmationDecision.Refuse:
                        LogConfirmationRefused(logger, Key, error!);
                        await AuditAsync(turn, "payment.confirmation_refused", actor,
                            new { confirmation.ProviderPaymentId, confirmation.Amount, confirmation.Currency, reason = error });
                        return new PaymentResult(PaymentOutcome.Invalid, PaymentViews.Of(Key, state), error);
                }
                var late = state.Status == PaymentStatus.Canceled;
                PaymentRules.Succeed(state, confirmation.ProviderPaymentId, turn.Now);
                SendApply(turn, state);
                await AuditAsync(turn, "payment.succeeded", actor,
                    new { confirmation.ProviderPaymentId, state.Amount, state.Currency, late });
                return new PaymentResult(PaymentOutcome.Done, PaymentViews.Of(Key, state));
            });
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return new PaymentResult(PaymentOutcome.Invalid, await GetAsync(),
                $"The provider's payment {confirmation.ProviderPaymentId} already paid another payment.");
        }
    }

    public Task<PaymentResult> CancelAsync(string reason) => UpdateAsync(async turn =>
    {
        if (turn.State is not { } state)
        {
            return NotFound;
        }
        switch (state.Status)
        {
            case PaymentStatus.Canceled:
                return new PaymentResult(PaymentOutcome.Unchanged, PaymentViews.Of(Key, state));
            case PaymentStatus.Succeeded or PaymentStatus.Refunded:
                return new PaymentResult(PaymentOutcome.Invalid, PaymentViews.Of(Key, state), "A paid payment is refunded, not canceled.");
        }
        await CancelInTurnAsync(turn, string.IsNullOrWhiteSpace(reason) ? "canceled" : reason.Trim(), Actor.Payment(Key));
        return new PaymentResult(PaymentOutcome.Done, PaymentViews.Of(Key, state));
    });

    public Task<PaymentResult> RecordRefundAsync(string refundId, decimal amount, string currency, Actor actor) => UpdateAsync(async turn =>
    {
        if (turn.State is not { } state)
        {
            return NotFound;
        }
        if (state.Status is not (PaymentStatus.Succeeded or PaymentStatus.Refunded) || !string.Equals(currency, state.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return new PaymentResult(PaymentOutcome.Invalid, PaymentViews.Of(Key, state),
                $"A refund of {PaymentRules.Money(amount, currency)} does not fit this {state.Status.ToString().ToLowerInvariant()} payment in {state.Currency}.");
        }
        if (!PaymentRules.RecordRefund(state, refundId, amount, turn.Now))
        {
            return new PaymentResult(PaymentOutcome.Unchanged, PaymentViews.Of(Key, state));
        }
        await AuditAsync(turn, state.Status == PaymentStatus.Refunded ? "payment.refunded" : "payment.partially_refunded", actor,
            new { refund_id = refundId, amount, currency, refunded_amount = state.RefundedAmount });
        return new PaymentResult(PaymentOutcome.Done, PaymentViews.Of(Key, state));
    });

    public Task<bool> MarkAppliedAsync() => UpdateAsync(async turn =>
    {
        if (turn.State is not { AppliedToUser: false } state)
        {
            return false;
        }
        state.AppliedToUser = true;
        state.AppliedAt = turn.Now;
        await AuditAsync(turn, "payment.applied", Actor.Payment(Key), new { user_id = state.UserId, state.Days });
        return true;
    });

    protected override async Task OnTimerAsync(GrainTurn<PaymentState> turn, string timerName)
    {
        if (timerName == PaymentIndexes.PendingTimeoutTimer && turn.State is { Status: PaymentStatus.Pending })
        {
            await CancelInTurnAsync(turn, "timeout", Actor.System);
        }
    }

    private static PaymentResult NotFound { get; } = new(PaymentOutcome.NotFound, null, "There is no such payment.");

    private async Task CancelInTurnAsync(GrainTurn<PaymentState> turn, string reason, Actor actor)
    {
        var state = turn.State!;
        if (!PaymentRules.Cancel(state, reason, turn.Now))
        {
            return;
        }
        turn.CancelTimer(PaymentIndexes.PendingTimeoutTimer);
        if (state.PromoCode is { } code)
        {
            // The use may be held even when the price never saw it (a crash between taking it and pricing).
            turn.Send(PaymentOutboxKinds.PromoRelease, PaymentOutboxKinds.PromoPartition(code), new PromoRelease(code, state.UserId, Key));
        }
        await AuditAsync(turn, "payment.canceled", actor, new { reason });
    }

    private void SendApply(GrainTurn<PaymentState> turn, PaymentState state)
    {
        turn.CancelTimer(PaymentIndexes.PendingTimeoutTimer);
        if (state.ProviderPaymentId is { } providerId)
        {
            turn.SetIndex(PaymentIndexes.ProviderIndex(state.Provider), providerId);
        }
        turn.Send(PaymentOutboxKinds.Apply, PaymentOutboxKinds.PaymentPartition(Key),
            new PaymentApply(Key, state.UserId, state.Days, state.TrafficLimitBytes, state.DeviceLimit));
    }

    private static Actor ProviderActor(PaymentState state, string providerPaymentId) => state.Provider switch
    {
        PaymentProvider.YooKassa => new Actor("yookassa", providerPaymentId),
        PaymentProvider.Telegram or PaymentProvider.Stars when state.TelegramUserId is { } telegramId =>
            Actor.Telegram(telegramId) with { Reference = providerPaymentId },
        PaymentProvider.Telegram or PaymentProvider.Stars => new Actor("telegram", providerPaymentId),
        _ => Actor.System,
    };

    private Task AuditAsync(GrainTurn<PaymentState> turn, string action, Actor actor, object details) =>
        AuditStore.RecordAsync(turn.Connection, turn.Transaction,
            new AuditRecord(action, PaymentIndexes.GrainType, Key, actor, AuditDetails.From(details)), turn.Now);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId}: a provider confirmation was refused: {Reason}")]
    private static partial void LogConfirmationRefused(ILogger logger, string paymentId, string reason);
}

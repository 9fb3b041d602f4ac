using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Catalog;
using AnomalyConnect.Grains.Payments.Messages;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// Creation, in steps that each commit before the next talks to anyone: the pending payment (with its timeout), then
/// the promo code's use and the final price, then YooKassa's payment (created with our id as Idempotence-Key) and its
/// confirmation URL. A crash between steps leaves a pending payment: calling CreateAsync again with the same id
/// resumes it, and otherwise its timer cancels it and gives the promo code's use back.
/// </summary>
internal sealed partial class PaymentGrain
{
    public async Task<PaymentResult> CreateAsync(NewPayment payment)
    {
        if (!PaymentIds.IsWellFormed(Key))
        {
            return Invalid("A payment id may hold letters, digits, '-', '_' and '.', up to 64 characters.");
        }
        if (PaymentRules.Validate(payment) is { } error)
        {
            return Invalid(error);
        }
        if (MissingProvider(payment.Provider) is { } missing)
        {
            return new PaymentResult(PaymentOutcome.ProviderNotConfigured, null, missing);
        }
        var existing = await ReadStateAsync();
        if (existing is null)
        {
            if (await StartAsync(payment) is { } refused)
            {
                return refused;
            }
        }
        else if (!PaymentRules.IsSameRequest(existing, payment))
        {
            return new PaymentResult(PaymentOutcome.Invalid, PaymentViews.Of(Key, existing), "This payment id already belongs to another purchase.");
        }
        return await CompleteAsync(changed: existing is null);
    }

    /// <summary>Commits the pending payment at the tariff's own price; a refusal when it cannot be bought.</summary>
    private async Task<PaymentResult?> StartAsync(NewPayment payment)
    {
        if (await catalog.GetTariffAsync(payment.TariffId, CancellationToken.None) is not { } tariff)
        {
            return Invalid($"There is no tariff '{payment.TariffId}'.");
        }
        var (quote, priceError) = PaymentPricing.ListPrice(tariff, payment.Provider);
        if (quote is null)
        {
            return Invalid(priceError!);
        }
        if (await grains.GetGrain<IUserGrain>(payment.UserId).GetAsync() is not { } user)
        {
            return Invalid($"There is no user '{payment.UserId}'.");
        }
        if (payment.Provider == PaymentProvider.Stars && user.TelegramId is null)
        {
            return Invalid("Stars are paid in Telegram, and this user has no Telegram id.");
        }
        await UpdateAsync(async turn =>
        {
            if (turn.State is not null)
            {
                return false; // the same id was started concurrently; go on with it
            }
            var state = PaymentRules.NewPending(payment, tariff, user, quote, turn.Now, options.Value.PendingTimeout);
            turn.State = state;
            turn.SetTimer(PaymentIndexes.PendingTimeoutTimer, state.TimeoutAt!.Value);
            await AuditAsync(turn, "payment.created", new Actor("user", state.UserId),
                new { state.UserId, state.TariffId, state.Provider, state.Amount, state.Currency, state.PromoCode });
            return true;
        });
        return null;
    }

    /// <summary>Takes the pending payment as far as it goes: priced, then paid (free) or created at YooKassa.</summary>
    private async Task<PaymentResult> CompleteAsync(bool changed)
    {
        if (await ReadStateAsync() is not { } state)
        {
            return NotFound;
        }
        if (state is { Status: PaymentStatus.Pending, Priced: false })
        {
            var (priced, refusal) = await TakePromoAsync(state);
            if (refusal is not null)
            {
                return refusal;
            }
            (state, changed) = (priced!, true);
        }
        if (state is { Status: PaymentStatus.Pending, Priced: true } && (state.Amount == 0 || state.Provider == PaymentProvider.Manual))
        {
            (state, changed) = (await SucceedWithoutProviderAsync(), true);
        }
        else if (state is { Status: PaymentStatus.Pending, Priced: true, Provider: PaymentProvider.YooKassa, ConfirmationUrl: null })
        {
            return await CreateAtYooKassaAsync(state);
        }
        return new PaymentResult(changed ? PaymentOutcome.Done : PaymentOutcome.Unchanged, PaymentViews.Of(Key, state));
    }

    private async Task<(PaymentState? State, PaymentResult? Refusal)> TakePromoAsync(PaymentState pending)
    {
        var redemption = await grains.GetGrain<IPromoCodeGrain>(pending.PromoCode!).RedeemAsync(pending.UserId, pending.TariffId, Key);
        var list = new PaymentQuote(pending.ListAmount, pending.Currency, pending.Days, pending.TrafficLimitBytes, pending.DeviceLimit);
        var (quote, error) = redemption is { Outcome: PromoRedemptionOutcome.Redeemed, PromoCode: { } promo }
            ? PaymentPricing.WithPromo(list, pending.ListPriceRub, promo)
            : (null, PromoRules.Sentence(redemption.Outcome));
        return await UpdateAsync<(PaymentState? State, PaymentResult? Refusal)>(async turn =>
        {
            var state = turn.State!;
            if (quote is null)
            {
                await CancelInTurnAsync(turn, "promo_code: " + error, new Actor("user", state.UserId));
                return (null, new PaymentResult(PaymentOutcome.Invalid, PaymentViews.Of(Key, state), error));
            }
            if (state is not { Status: PaymentStatus.Pending, Priced: false })
            {
                if (state.Status == PaymentStatus.Canceled && state.PromoCode is { } code)
                {
                    // Canceled while the use was being taken: give it back again, now that it is surely taken.
                    turn.Send(PaymentOutboxKinds.PromoRelease, PaymentOutboxKinds.PromoPartition(code), new PromoRelease(code, state.UserId, Key));
                }
                return (state, null);
            }
            (state.Amount, state.Days, state.Priced) = (quote.Amount, quote.Days, true);
            await AuditAsync(turn, "payment.promo_applied", new Actor("user", state.UserId),
                new { state.PromoCode, list_amount = state.ListAmount, state.Amount, state.Days });
            return (state, null);
        });
    }

    private Task<PaymentState> SucceedWithoutProviderAsync() => UpdateAsync(async turn =>
    {
        var state = turn.State!;
        if (state is { Status: PaymentStatus.Pending, Priced: true })
        {
            PaymentRules.Succeed(state, providerPaymentId: null, turn.Now);
            SendApply(turn, state);
            await AuditAsync(turn, "payment.succeeded", Actor.Payment(Key), new { state.Amount, state.Currency, free = state.Amount == 0 });
        }
        return state;
    });

    private async Task<PaymentResult> CreateAtYooKassaAsync(PaymentState pending)
    {
        var email = (await grains.GetGrain<IUserGrain>(pending.UserId).GetAsync())?.Email;
        var call = await yooKassa.CreatePaymentAsync(Key, pending, email, CancellationToken.None);
        if (call is not { Outcome: ProviderCallOutcome.Ok, Value: { Confirmation.ConfirmationUrl: { } url } created })
        {
            var unavailable = call.Outcome is ProviderCallOutcome.Unavailable or ProviderCallOutcome.Ok;
            var canceled = await UpdateAsync(async turn =>
            {
                // The payer never saw a confirmation URL, so nothing can have been paid: cancel and free the promo code.
                if (turn.State is { Status: PaymentStatus.Pending, ConfirmationUrl: null })
                {
                    await CancelInTurnAsync(turn, unavailable ? "provider_unavailable" : "provider_refused", Actor.Payment(Key));
                }
                return PaymentViews.Of(Key, turn.State!);
            });
            return unavailable
                ? new PaymentResult(PaymentOutcome.ProviderUnavailable, canceled, "YooKassa could not be reached; please try again.")
                : new PaymentResult(PaymentOutcome.Invalid, canceled, "YooKassa refused the payment: " + call.Error);
        }
        return await UpdateAsync(async turn =>
        {
            var state = turn.State!;
            if (state.ConfirmationUrl is null)
            {
                state.ConfirmationUrl = url;
                state.ProviderPaymentId ??= created.Id;
                turn.SetIndex(PaymentIndexes.ProviderIndex(PaymentProvider.YooKassa), state.ProviderPaymentId);
                await AuditAsync(turn, "payment.provider_created", Actor.Payment(Key), new { provider_payment_id = created.Id });
            }
            return new PaymentResult(PaymentOutcome.Done, PaymentViews.Of(Key, state));
        });
    }

    private string? MissingProvider(PaymentProvider provider) => provider switch
    {
        PaymentProvider.YooKassa when !yooKassa.IsConfigured => "YooKassa is not configured (YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY).",
        PaymentProvider.Telegram when !options.Value.TelegramPaymentsEnabled => "Telegram Payments are not configured (TELEGRAM_PAYMENT_PROVIDER_TOKEN).",
        _ => null,
    };

    private static PaymentResult Invalid(string error) => new(PaymentOutcome.Invalid, null, error);
}

using System.Security.Cryptography;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Grains.Audit;
using AnomalyConnect.Grains.Payments;
using AnomalyConnect.Grains.Payments.Messages;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Catalog;

/// <summary>
/// One promo code. Every use is taken inside the code's turn, which holds its row lock, so the limit and the
/// once-per-user rule hold however many people type the code at once.
/// </summary>
internal sealed class PromoCodeGrain : Grain<PromoCodeState>, IPromoCodeGrain, IPromoCodeEditor
{
    public const string GrainType = "promo-code";

    public Task<PromoRedemption> RedeemAsync(string userId, string? tariffId, string? paymentId) => UpdateAsync(async turn =>
    {
        if (turn.State is not { } state)
        {
            return new PromoRedemption(PromoRedemptionOutcome.NotFound, null);
        }
        var redemptionId = paymentId ?? "grant-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        if (await PromoRedemptionStore.FindAsync(turn.Connection, turn.Transaction, Key, redemptionId) is { Active: true } held)
        {
            // The same payment asking again (a retried purchase): the use it holds is the answer.
            return held.UserId == userId
                ? new PromoRedemption(PromoRedemptionOutcome.Redeemed, state.ToPromoCode(Key))
                : new PromoRedemption(PromoRedemptionOutcome.AlreadyUsedByUser, state.ToPromoCode(Key));
        }
        var refusal = PromoRules.Check(state, turn.Now, tariffId)
            ?? (state.OncePerUser && await PromoRedemptionStore.UserHoldsUseAsync(turn.Connection, turn.Transaction, Key, userId)
                ? PromoRedemptionOutcome.AlreadyUsedByUser
                : (PromoRedemptionOutcome?)null)
            ?? (PromoRules.HasUsesLeft(state) ? null : PromoRedemptionOutcome.UsedUp);
        if (refusal is { } outcome)
        {
            return new PromoRedemption(outcome, state.ToPromoCode(Key));
        }

        await PromoRedemptionStore.TakeAsync(turn.Connection, turn.Transaction, Key, redemptionId, userId, turn.Now);
        state.Uses++;
        if (tariffId is null)
        {
            turn.Send(PaymentOutboxKinds.PromoGrant, PaymentOutboxKinds.PromoPartition(Key), new PromoGrant(Key, userId, redemptionId, state.Days));
        }
        await AuditAsync(turn, "promo.redeemed", new Actor("user", userId), new { user_id = userId, tariff_id = tariffId, redemption_id = redemptionId, uses = state.Uses });
        return new PromoRedemption(PromoRedemptionOutcome.Redeemed, state.ToPromoCode(Key));
    });

    public Task ReleaseAsync(string userId, string paymentId) => UpdateAsync(async turn =>
    {
        if (turn.State is not { } state || !await PromoRedemptionStore.ReleaseAsync(turn.Connection, turn.Transaction, Key, paymentId, turn.Now))
        {
            return false;
        }
        state.Uses = Math.Max(0, state.Uses - 1);
        await AuditAsync(turn, "promo.released", Actor.Payment(paymentId), new { user_id = userId, redemption_id = paymentId, uses = state.Uses });
        return true;
    });

    public async Task<PromoCode?> ReadAsync() =>
        await ReadStateAsync() is { } state ? state.ToPromoCode(Key) : null;

    public Task<PromoCode> SaveAsync(PromoCode promoCode, Actor actor) => UpdateAsync(async turn =>
    {
        var before = turn.State;
        var action = before is null ? "promo.created"
            : promoCode.Archived && !before.Archived ? "promo.archived"
            : "promo.updated";
        turn.State = new PromoCodeState
        {
            Kind = promoCode.Kind,
            Value = promoCode.Value,
            Days = promoCode.Days,
            MaxUses = promoCode.MaxUses,
            Uses = before?.Uses ?? 0,
            OncePerUser = promoCode.OncePerUser,
            ValidFrom = promoCode.ValidFrom,
            ValidUntil = promoCode.ValidUntil,
            TariffIds = [.. promoCode.TariffIds.Distinct(StringComparer.Ordinal)],
            Archived = promoCode.Archived,
            CreatedAt = before?.CreatedAt ?? turn.Now,
            UpdatedAt = turn.Now,
        };
        var saved = turn.State.ToPromoCode(Key);
        await AuditAsync(turn, action, actor, saved);
        return saved;
    });

    private Task AuditAsync(GrainTurn<PromoCodeState> turn, string action, Actor actor, object details) =>
        AuditStore.RecordAsync(turn.Connection, turn.Transaction,
            new AuditRecord(action, GrainType, Key, actor, AuditDetails.From(details)), turn.Now);
}

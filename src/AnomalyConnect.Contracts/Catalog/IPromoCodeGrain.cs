using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Catalog;

/// <summary>
/// One promo code (key: the code, upper-case). Uses are counted in its turns, so a code with one use left
/// cannot be taken twice at once.
/// </summary>
public interface IPromoCodeGrain : IGrain
{
    /// <summary>
    /// Takes one use for a user: for a purchase of a tariff (the payment prices the discount or bonus), or standalone
    /// (<paramref name="tariffId"/> null) for a bonus-days or free-trial code, whose days the promo grain then grants to the
    /// user itself, exactly once, through its outbox — the caller grants nothing. Repeating the call for the same
    /// <paramref name="paymentId"/> takes nothing more and answers Redeemed again.
    /// </summary>
    Task<PromoRedemption> RedeemAsync(string userId, string? tariffId, string? paymentId);

    /// <summary>Gives back the use a canceled payment had taken; nothing when it holds none.</summary>
    Task ReleaseAsync(string userId, string paymentId);
}

public enum PromoRedemptionOutcome
{
    Redeemed,
    NotFound,
    Expired,
    UsedUp,
    AlreadyUsedByUser,
    NotForThisTariff,
}

public sealed record PromoRedemption(PromoRedemptionOutcome Outcome, PromoCode? PromoCode);

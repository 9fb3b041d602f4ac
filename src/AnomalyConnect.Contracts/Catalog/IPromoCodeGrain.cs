using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Catalog;

/// <summary>
/// One promo code (key: the code, upper-case). Uses are counted in its turns, so a code with one use left
/// cannot be taken twice at once.
/// </summary>
public interface IPromoCodeGrain : IGrain
{
    /// <summary>Takes one use for a user (for a tariff, or a standalone bonus/trial when null).</summary>
    Task<PromoRedemption> RedeemAsync(string userId, string? tariffId, string? paymentId);

    /// <summary>Gives back the use a canceled payment had taken.</summary>
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

namespace AnomalyConnect.Grains.Payments.Messages;

/// <summary>Grant a standalone promo code's days to the user, once per redemption.</summary>
public sealed record PromoGrant(string Code, string UserId, string RedemptionId, int Days)
{
    /// <summary>The id the user records as applied, so a repeated delivery grants nothing more.</summary>
    public string GrantId => $"promo:{Code}:{RedemptionId}";
}

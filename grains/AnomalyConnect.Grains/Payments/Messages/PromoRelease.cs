namespace AnomalyConnect.Grains.Payments.Messages;

/// <summary>Give back the promo code use a canceled payment held.</summary>
public sealed record PromoRelease(string Code, string UserId, string PaymentId);

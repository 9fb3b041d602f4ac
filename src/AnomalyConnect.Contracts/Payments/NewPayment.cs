namespace AnomalyConnect.Contracts.Payments;

/// <summary>A purchase a user starts (the bot's buy button, or an admin's manual payment).</summary>
public sealed record NewPayment(string UserId, string TariffId, PaymentProvider Provider, string? PromoCode = null, string? ReturnUrl = null);

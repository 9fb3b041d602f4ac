namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record RefundStarPaymentRequest(long UserId, string TelegramPaymentChargeId);

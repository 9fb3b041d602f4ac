namespace AnomalyConnect.Integrations.Telegram.Requests;

/// <summary>The envelope of every Bot API answer.</summary>
internal sealed record TelegramResponse<T>(bool Ok, T? Result, string? Description, int? ErrorCode, ResponseParameters? Parameters);

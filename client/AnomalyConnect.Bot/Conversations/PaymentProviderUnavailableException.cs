namespace AnomalyConnect.Bot.Conversations;

/// <summary>The payment provider could not be reached and nothing changed: the update is processed again later.</summary>
public sealed class PaymentProviderUnavailableException(string? detail)
    : Exception("The payment provider could not be reached" + (detail is null ? "." : ": " + detail));

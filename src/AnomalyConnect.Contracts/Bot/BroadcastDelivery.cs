namespace AnomalyConnect.Contracts.Bot;

/// <summary>The outcome for one claimed recipient.</summary>
public sealed record BroadcastDelivery(long ChatId, BroadcastOutcome Outcome, string? Error = null);

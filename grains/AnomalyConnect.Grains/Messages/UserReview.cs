namespace AnomalyConnect.Grains.Messages;

/// <summary>The user's traffic moved past a threshold (limit, warning, first traffic on hold): re-evaluate it.</summary>
public sealed record UserReview(string UserId);

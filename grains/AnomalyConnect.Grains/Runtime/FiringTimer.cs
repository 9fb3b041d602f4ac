namespace AnomalyConnect.Grains.Runtime;

/// <summary>The timer a turn consumes: the turn runs only if the timer is still set for exactly this time.</summary>
internal sealed record FiringTimer(string Name, DateTimeOffset DueAt);

namespace AnomalyConnect.Grains.Runtime;

/// <summary>A grain timer whose time has come.</summary>
internal sealed record DueTimer(string GrainType, string GrainKey, string TimerName, DateTimeOffset DueAt, int Attempts);

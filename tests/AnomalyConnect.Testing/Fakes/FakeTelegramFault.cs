namespace AnomalyConnect.Testing.Fakes;

/// <summary>An error the fake answers instead of running a method, for a programmed number of calls.</summary>
internal sealed record FakeTelegramFault(int ErrorCode, string Description, int? RetryAfterSeconds);

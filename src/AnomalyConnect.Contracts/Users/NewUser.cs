namespace AnomalyConnect.Contracts.Users;

/// <summary>
/// What a new user starts with. <paramref name="Days"/> null means no expiry; <paramref name="OnHoldDays"/>
/// puts the user on hold until the first traffic, when a term of that many days starts.
/// </summary>
public sealed record NewUser(
    int? Days,
    long? TrafficLimitBytes,
    TrafficResetStrategy ResetStrategy = TrafficResetStrategy.NoReset,
    int? OnHoldDays = null,
    long? TelegramId = null,
    string? Username = null,
    string? EmployeeId = null,
    string? DisplayName = null,
    string? Email = null,
    string? Region = null,
    int? DeviceLimit = null,
    string? Note = null);

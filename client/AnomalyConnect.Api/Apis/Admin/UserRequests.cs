using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>POST /admin/api/users. Traffic in bytes, or in GB (GiB, 1024³ bytes) as panels show it.</summary>
public sealed record CreateUserRequest(
    string? UserId, string? Username, string? DisplayName, string? Email, long? TelegramId, string? EmployeeId,
    int? Days, long? TrafficLimitBytes, double? TrafficLimitGb, TrafficResetStrategy? ResetStrategy, int? OnHoldDays,
    string? Region, int? DeviceLimit, string? Note);

public sealed record ExtendRequest(int? Days);

public sealed record TrafficLimitRequest(long? TrafficLimitBytes, double? TrafficLimitGb);

public sealed record DisableRequest(string? Reason);

/// <summary>Sets the end of the term outright; null means no expiry.</summary>
public sealed record ExpiryRequest(DateTimeOffset? ExpiresAt);

public sealed record ResetStrategyRequest(TrafficResetStrategy? Strategy);

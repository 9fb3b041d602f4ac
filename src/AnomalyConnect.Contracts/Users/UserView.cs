namespace AnomalyConnect.Contracts.Users;

/// <summary>Everything the front end and the bot may show about a user.</summary>
public sealed record UserView(
    string UserId,
    UserStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    int? OnHoldDays,
    long? TrafficLimitBytes,
    long UsedUploadBytes,
    long UsedDownloadBytes,
    TrafficResetStrategy ResetStrategy,
    IReadOnlyList<UserPlacement> Placements,
    UserCredentials Credentials,
    long? TelegramId,
    string? Username,
    string? EmployeeId,
    string? DisplayName,
    string? Email,
    string? DisabledReason,
    int? DeviceLimit)
{
    public long UsedBytes => UsedUploadBytes + UsedDownloadBytes;

    public bool IsActive => Status is UserStatus.Active or UserStatus.OnHold;
}

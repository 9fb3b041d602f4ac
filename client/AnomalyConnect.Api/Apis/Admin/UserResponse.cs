using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>A user as the admin API returns it (DESIGN.md §4), with its subscription URL.</summary>
public sealed record UserResponse(
    string UserId,
    UserStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    int? OnHoldDays,
    long? TrafficLimitBytes,
    long UsedUploadBytes,
    long UsedDownloadBytes,
    TrafficResetStrategy ResetStrategy,
    IReadOnlyList<UserNodeResponse> Nodes,
    long? TelegramId,
    string? Username,
    string? EmployeeId,
    string? DisplayName,
    string? Email,
    string? DisabledReason,
    int? DeviceLimit,
    string SubscriptionUrl)
{
    public static UserResponse Of(UserView user, string appUrl) => new(
        user.UserId, user.Status, user.CreatedAt, user.ExpiresAt, user.OnHoldDays, user.TrafficLimitBytes,
        user.UsedUploadBytes, user.UsedDownloadBytes, user.ResetStrategy,
        [.. user.Placements.Select(p => new UserNodeResponse(p.NodeId, p.Protocol))],
        user.TelegramId, user.Username, user.EmployeeId, user.DisplayName, user.Email, user.DisabledReason, user.DeviceLimit,
        SubscriptionUrls.For(appUrl, user.Credentials.SubscriptionToken));
}

public sealed record UserNodeResponse(string NodeId, NodeProtocol Protocol);

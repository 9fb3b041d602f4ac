using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>GET /sub/{token}/info: what the subscription's owner may see, without any credential.</summary>
public sealed record SubscriptionInfoResponse(
    string UserId,
    UserStatus Status,
    DateTimeOffset? ExpiresAt,
    long UsedUploadBytes,
    long UsedDownloadBytes,
    long? TrafficLimitBytes,
    int Devices,
    int? DeviceLimit);

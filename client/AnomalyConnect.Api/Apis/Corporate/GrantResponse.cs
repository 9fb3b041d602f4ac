namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// The answer to a grant. The links are null when no node of that protocol holds the user — and, with
/// CORPORATE_CONFIG_REQUIRES_APPROVAL, always: then the config leaves only behind the Telegram second factor.
/// </summary>
public sealed record GrantResponse(
    string UserId,
    string EmployeeId,
    bool IsActive,
    DateTimeOffset? ExpiresAt,
    long? TrafficLimitBytes,
    string? VlessUrl,
    string? Hy2Url,
    string? SubscriptionUrl,
    string? ActivationCode);

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>GET /user/{user_id}/config.</summary>
public sealed record ConfigResponse(string UserId, bool IsActive, string? VlessUrl, string? Hy2Url, string SubscriptionUrl);

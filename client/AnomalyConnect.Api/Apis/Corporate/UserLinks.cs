namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>A user's share links (null when no node of that protocol holds the user) and subscription URL.</summary>
public sealed record UserLinks(string? VlessUrl, string? Hy2Url, string SubscriptionUrl);

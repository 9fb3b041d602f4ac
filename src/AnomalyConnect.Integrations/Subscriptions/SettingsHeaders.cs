namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>The header values a subscription's settings alone decide; null where the header is left out.</summary>
internal sealed record SettingsHeaders(string ProfileTitle, string? SupportUrl, string? ContentDisposition);

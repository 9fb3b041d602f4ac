namespace AnomalyConnect.Api;

/// <summary>What the front end needs from the environment. Secrets are compared in constant time and never logged.</summary>
public sealed class FrontEndOptions
{
    public const string SectionName = "FrontEnd";

    /// <summary>The public base URL (APP_URL), used in subscription links.</summary>
    public required string AppUrl { get; init; }

    public required string ApiSecretKey { get; init; }

    public required string CorporateSecret { get; init; }

    public required string WebhookSecret { get; init; }

    /// <summary>Proxies (nginx) whose X-Forwarded-For and X-Forwarded-Proto are believed (TRUSTED_PROXIES); loopback always.</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];
}

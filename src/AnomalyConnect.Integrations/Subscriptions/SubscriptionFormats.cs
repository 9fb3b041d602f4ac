namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>Names of the formats as <c>?format=</c> and rule files spell them, and their file extensions.</summary>
public static class SubscriptionFormats
{
    private static readonly Dictionary<string, SubscriptionFormat> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["base64"] = SubscriptionFormat.Base64,
        ["b64"] = SubscriptionFormat.Base64,
        ["v2ray"] = SubscriptionFormat.Base64,
        ["links"] = SubscriptionFormat.Links,
        ["plain"] = SubscriptionFormat.Links,
        ["text"] = SubscriptionFormat.Links,
        ["uri"] = SubscriptionFormat.Links,
        ["clash"] = SubscriptionFormat.Clash,
        ["mihomo"] = SubscriptionFormat.Clash,
        ["clash-meta"] = SubscriptionFormat.Clash,
        ["meta"] = SubscriptionFormat.Clash,
        ["yaml"] = SubscriptionFormat.Clash,
        ["singbox"] = SubscriptionFormat.SingBox,
        ["sing-box"] = SubscriptionFormat.SingBox,
        ["json"] = SubscriptionFormat.SingBox,
        ["html"] = SubscriptionFormat.Html,
        ["web"] = SubscriptionFormat.Html,
        ["page"] = SubscriptionFormat.Html,
    };

    /// <summary>The canonical names, as an error message lists them.</summary>
    public static IReadOnlyList<string> CanonicalNames { get; } = ["base64", "links", "clash", "singbox", "html"];

    /// <summary>Accepts the canonical names and their aliases, case-insensitively.</summary>
    public static bool TryParse(string? name, out SubscriptionFormat format)
    {
        format = default;
        return name is not null && ByName.TryGetValue(name.Trim(), out format);
    }

    public static string CanonicalName(SubscriptionFormat format) => CanonicalNames[(int)format];

    public static string FileExtension(SubscriptionFormat format) => format switch
    {
        SubscriptionFormat.Base64 or SubscriptionFormat.Links => "txt",
        SubscriptionFormat.Clash => "yaml",
        SubscriptionFormat.SingBox => "json",
        SubscriptionFormat.Html => "html",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

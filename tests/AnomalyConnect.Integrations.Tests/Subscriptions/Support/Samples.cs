using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Integrations.Subscriptions;

namespace AnomalyConnect.Integrations.Tests.Subscriptions.Support;

/// <summary>Links and documents shaped like real nodes, with the awkward characters real names and secrets carry.</summary>
internal static class Samples
{
    public static VlessRealityLink Reality(string name = "🇩🇪 Frankfurt #1 & co") => new()
    {
        Uuid = "b831381d-6324-4d53-ad4f-8cda48b30811",
        Host = "de1.example.com",
        Port = 443,
        ServerName = "www.microsoft.com",
        Fingerprint = "chrome",
        PublicKey = "SbVKOEMjK0sIlbwg4akyBg5mL5KZwwB-ed4eEE7YnRc",
        ShortId = "6ba85179e30d4fc2",
        SpiderX = "/news?a=1",
        Name = name,
    };

    public static Hysteria2Link Hysteria2(string name = "Нидерланды — hop") => new()
    {
        Auth = "p@ss:w/rd?#%+ü",
        Host = "nl1.example.net",
        Port = "20000-50000",
        ServerName = "nl1.example.net",
        ObfsPassword = "obfs pw+/=",
        Insecure = true,
        Name = name,
    };

    public static VlessRealityLink Tls() => new()
    {
        Uuid = "0b4a7c58-54c5-4f0e-9b3c-9d2e1f0a6b21",
        Host = "2001:db8::7",
        Port = 8443,
        Security = VlessSecurity.Tls,
        ServerName = "tls.example.org",
        Fingerprint = "firefox",
        Name = "IPv6 TLS",
    };

    public static SubscriptionDocument Document(string? statusNote = null) => new()
    {
        ProfileTitle = "Anomaly Connect",
        Proxies =
        [
            new SubscriptionProxy("de-1", "🇩🇪 Germany", "Europe", Reality()),
            new SubscriptionProxy("nl-1", "🇳🇱 Netherlands <fast>", "Europe", Hysteria2()),
            new SubscriptionProxy("us-1", "🇩🇪 Germany", "America", Tls()),
        ],
        Usage = new SubscriptionUsage(1_073_741_824, 3_221_225_472, 53_687_091_200, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        SupportUrl = "https://t.me/anomaly_support",
        SubscriptionUrl = "https://vpn.example.com/sub/AbC123_token",
        UpdateIntervalHours = 6,
        StatusNote = statusNote,
    };

    /// <summary>Strings of the sample proxies that must never appear in a subscription that offers no working proxy.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
        ["de1.example.com", "nl1.example.net", "2001:db8::7", "b831381d-6324-4d53-ad4f-8cda48b30811", "SbVKOEMjK0sIlbwg4akyBg5mL5KZwwB"];
}

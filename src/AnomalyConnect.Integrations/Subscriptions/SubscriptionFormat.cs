namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>The shapes a subscription can be served in.</summary>
public enum SubscriptionFormat
{
    /// <summary>Base64 of the newline-joined links: what v2rayN, v2rayNG, Streisand, Happ and most apps read.</summary>
    Base64,

    /// <summary>The newline-joined links as plain text.</summary>
    Links,

    /// <summary>A Clash/mihomo YAML profile.</summary>
    Clash,

    /// <summary>A sing-box JSON profile.</summary>
    SingBox,

    /// <summary>A page for people: usage, links, QR codes and how to import.</summary>
    Html,
}

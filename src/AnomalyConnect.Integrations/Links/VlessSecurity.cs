namespace AnomalyConnect.Integrations.Links;

/// <summary>The values of a VLESS link's <c>security</c> parameter that nodes may be configured with.</summary>
public static class VlessSecurity
{
    public const string Reality = "reality";
    public const string Tls = "tls";
    public const string None = "none";

    public static bool IsKnown(string value) => value is Reality or Tls or None;
}

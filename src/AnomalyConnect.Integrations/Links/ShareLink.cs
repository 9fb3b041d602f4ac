using System.Diagnostics.CodeAnalysis;

namespace AnomalyConnect.Integrations.Links;

/// <summary>A link a client app imports: <c>vless://</c> or <c>hysteria2://</c>. The set of kinds is closed.</summary>
public abstract record ShareLink
{
    private protected ShareLink()
    {
    }

    /// <summary>The name the client app shows (the URI fragment).</summary>
    public required string Name { get; init; }

    public abstract ProxyProtocol Protocol { get; }

    public string ToUri() => UriParts().ToString();

    /// <summary>The URI in pieces; the part after the credential is built once per node and cached.</summary>
    internal abstract LinkUri UriParts();

    /// <summary>Parses a link of any supported kind; false for anything malformed or not representable.</summary>
    public static bool TryParse(string? uri, [NotNullWhen(true)] out ShareLink? link)
    {
        if (VlessRealityLink.TryParse(uri, out var vless))
        {
            link = vless;
            return true;
        }

        if (Hysteria2Link.TryParse(uri, out var hysteria2))
        {
            link = hysteria2;
            return true;
        }

        link = null;
        return false;
    }
}

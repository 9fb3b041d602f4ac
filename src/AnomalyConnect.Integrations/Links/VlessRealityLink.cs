using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AnomalyConnect.Integrations.Links;

/// <summary>
/// A <c>vless://</c> link over TCP: REALITY (the default), plain TLS or no security, as a node is configured.
/// Optional parts are empty strings rather than null so that a parsed link equals the one it came from.
/// </summary>
public sealed record VlessRealityLink : ShareLink
{
    public const string VisionFlow = "xtls-rprx-vision";

    private static readonly string[] Schemes = ["vless"];

    public required string Uuid { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary><c>reality</c>, <c>tls</c> or <c>none</c>; see <see cref="VlessSecurity"/>.</summary>
    public string Security { get; init; } = VlessSecurity.Reality;

    /// <summary>The SNI (<c>sni</c>).</summary>
    public string ServerName { get; init; } = "";

    /// <summary>The uTLS fingerprint (<c>fp</c>).</summary>
    public string Fingerprint { get; init; } = "chrome";

    /// <summary>The REALITY x25519 public key (<c>pbk</c>).</summary>
    public string PublicKey { get; init; } = "";

    /// <summary>The REALITY short id (<c>sid</c>), hex, possibly empty.</summary>
    public string ShortId { get; init; } = "";

    /// <summary>The REALITY spider path (<c>spx</c>).</summary>
    public string SpiderX { get; init; } = "";

    /// <summary>Vision needs TLS or REALITY underneath, so it is never written for <c>security=none</c>.</summary>
    public string Flow { get; init; } = VisionFlow;

    public override ProxyProtocol Protocol => ProxyProtocol.Vless;

    internal override LinkUri UriParts()
    {
        if (!VlessSecurity.IsKnown(Security))
            throw new InvalidOperationException($"VLESS security '{Security}' is not one of reality, tls, none.");
        if (Security == VlessSecurity.Reality && PublicKey.Length == 0)
            throw new InvalidOperationException("A VLESS REALITY link needs the server's public key.");

        return new("vless://", LinkUriParts.EscapeUserInfo(Uuid), LinkSuffixes.Of(this with { Uuid = "" }, link => link.Suffix()));
    }

    private string Suffix()
    {
        var uri = new StringBuilder("@")
            .Append(LinkUriParts.FormatHost(Host)).Append(':').Append(Port)
            .Append("?type=tcp&security=").Append(Security).Append("&encryption=none");
        if (Security != VlessSecurity.None)
        {
            AppendParam(uri, "flow", Flow);
            AppendParam(uri, "sni", ServerName);
            AppendParam(uri, "fp", Fingerprint);
        }

        if (Security == VlessSecurity.Reality)
        {
            AppendParam(uri, "pbk", PublicKey);
            AppendParam(uri, "sid", ShortId);
            AppendParam(uri, "spx", SpiderX);
        }

        if (Name.Length > 0)
            uri.Append('#').Append(LinkUriParts.Escape(Name));
        return uri.ToString();
    }

    public static bool TryParse(string? uri, [NotNullWhen(true)] out VlessRealityLink? link)
    {
        link = null;
        if (!LinkUriParts.TryParse(uri, Schemes, out var parts)
            || parts.UserInfo.Length == 0
            || !LinkUriParts.TryParsePort(parts.Port, out var port))
            return false;

        var security = parts.Query.GetValueOrDefault("security", VlessSecurity.None);
        var transport = parts.Param("type");
        var encryption = parts.Param("encryption");
        if (!VlessSecurity.IsKnown(security)
            || transport is not ("" or "tcp" or "raw")
            || encryption is not ("" or "none"))
            return false;

        var publicKey = parts.Param("pbk");
        var shortId = parts.Param("sid");
        if (security == VlessSecurity.Reality
            && (publicKey.Length == 0 || shortId.Length > 16 || shortId.Length % 2 != 0 || !shortId.All(char.IsAsciiHexDigit)))
            return false;

        var reality = security == VlessSecurity.Reality;
        var secured = security != VlessSecurity.None;
        link = new VlessRealityLink
        {
            Uuid = parts.UserInfo,
            Host = parts.Host,
            Port = port,
            Security = security,
            ServerName = secured ? parts.Param("sni") : "",
            Fingerprint = secured ? parts.Param("fp") : "",
            PublicKey = reality ? publicKey : "",
            ShortId = reality ? shortId : "",
            SpiderX = reality ? parts.Param("spx") : "",
            Flow = secured ? parts.Param("flow") : "",
            Name = parts.Fragment,
        };
        return true;
    }

    private static void AppendParam(StringBuilder uri, string key, string value)
    {
        if (value.Length > 0)
            uri.Append('&').Append(key).Append('=').Append(LinkUriParts.Escape(value));
    }
}

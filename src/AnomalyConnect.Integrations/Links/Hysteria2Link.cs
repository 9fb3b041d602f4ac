using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AnomalyConnect.Integrations.Links;

/// <summary>
/// A <c>hysteria2://</c> link. <see cref="Port"/> is a string because it may be a hopping range or list
/// (<c>20000-50000</c>, <c>443,5000-6000</c>). Optional parts are empty strings rather than null.
/// </summary>
public sealed record Hysteria2Link : ShareLink
{
    public const string DefaultPort = "443";

    private const string Salamander = "salamander";
    private static readonly string[] Schemes = ["hysteria2", "hy2"];

    /// <summary>
    /// What the client sends to the server's auth hook. The official client re-escapes what it parses, so only
    /// unreserved characters, sub-delimiters and <c>:</c> reach the server unchanged from every client.
    /// </summary>
    public required string Auth { get; init; }

    public required string Host { get; init; }

    public string Port { get; init; } = DefaultPort;

    /// <summary>The SNI (<c>sni</c>).</summary>
    public string ServerName { get; init; } = "";

    /// <summary>The salamander obfuscation password; empty means no obfuscation.</summary>
    public string ObfsPassword { get; init; } = "";

    /// <summary>Skip certificate verification (<c>insecure=1</c>); written only when true.</summary>
    public bool Insecure { get; init; }

    public override ProxyProtocol Protocol => ProxyProtocol.Hysteria2;

    internal override LinkUri UriParts() =>
        new("hysteria2://", LinkUriParts.EscapeUserInfo(Auth), LinkSuffixes.Of(this with { Auth = "" }, link => link.Suffix()));

    private string Suffix()
    {
        if (!HysteriaPorts.TryParse(Port, out _))
            throw new InvalidOperationException($"Hysteria2 port '{Port}' is not a port, range or list of them.");

        var query = new List<string>();
        if (ServerName.Length > 0)
            query.Add("sni=" + LinkUriParts.Escape(ServerName));
        if (ObfsPassword.Length > 0)
        {
            query.Add("obfs=" + Salamander);
            query.Add("obfs-password=" + LinkUriParts.Escape(ObfsPassword));
        }

        if (Insecure)
            query.Add("insecure=1");

        var uri = new StringBuilder("@")
            .Append(LinkUriParts.FormatHost(Host)).Append(':').Append(Port).Append('/');
        if (query.Count > 0)
            uri.Append('?').AppendJoin('&', query);
        if (Name.Length > 0)
            uri.Append('#').Append(LinkUriParts.Escape(Name));
        return uri.ToString();
    }

    public static bool TryParse(string? uri, [NotNullWhen(true)] out Hysteria2Link? link)
    {
        link = null;
        if (!LinkUriParts.TryParse(uri, Schemes, out var parts) || parts.UserInfo.Length == 0)
            return false;

        var port = parts.Port ?? DefaultPort;
        var obfs = parts.Param("obfs");
        var obfsPassword = parts.Param("obfs-password");
        if (!HysteriaPorts.TryParse(port, out _)
            || obfs is not ("" or Salamander)
            || (obfs == Salamander) != (obfsPassword.Length > 0)
            || !TryParseFlag(parts.Param("insecure"), out var insecure))
            return false;

        link = new Hysteria2Link
        {
            Auth = parts.UserInfo,
            Host = parts.Host,
            Port = port,
            ServerName = parts.Param("sni"),
            ObfsPassword = obfsPassword,
            Insecure = insecure,
            Name = parts.Fragment,
        };
        return true;
    }

    private static bool TryParseFlag(string value, out bool flag)
    {
        flag = value is "1" or "true";
        return value is "" or "0" or "1" or "true" or "false";
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AnomalyConnect.Integrations.NodeConfigs;

/// <summary>
/// Input checks shared by the node config generators. Each failure is an <see cref="ArgumentException"/> whose
/// parameter name is the input property, so the admin API can point at the field.
/// </summary>
internal static class NodeConfigChecks
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    public static void RequirePort(int port, string name)
    {
        if (port is < MinPort or > MaxPort)
        {
            throw new ArgumentException($"{name} must be a port from {MinPort} to {MaxPort}, not {port}.", name);
        }
    }

    /// <summary>Present, not blank, and free of control characters (which no core, header or URL would carry intact).</summary>
    public static string RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"{name} must not contain control characters such as line breaks.", name);
        }
        return value;
    }

    /// <summary>
    /// Splits <c>host:port</c>, <c>[ipv6]:port</c> or <c>:port</c> (host then empty). The host is a DNS name or an IP
    /// literal; the port is one decimal port, never a range or a list.
    /// </summary>
    public static bool TryParseHostPort(string? text, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string portText;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':'
                || !IPAddress.TryParse(text[1..close], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
            host = text[1..close];
            portText = text[(close + 2)..];
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon < 0)
            {
                return false;
            }
            host = text[..colon];
            portText = text[(colon + 1)..];
            if (host.Length > 0 && Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            {
                return false;
            }
        }

        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is >= MinPort and <= MaxPort;
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    public static bool IsDnsName(string? value) =>
        !string.IsNullOrEmpty(value) && Uri.CheckHostName(value) == UriHostNameType.Dns;

    /// <summary>
    /// An absolute http(s) URL. With <paramref name="httpsOffLoopback"/> plain http is allowed only to a loopback host,
    /// for a URL that carries a secret.
    /// </summary>
    public static Uri RequireHttpUrl(string? value, string name, bool httpsOffLoopback)
    {
        var text = RequireText(value, name);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(url.Host))
        {
            // The value is not echoed: the URL may carry a secret.
            throw new ArgumentException($"{name} must be an absolute http or https URL.", name);
        }
        if (httpsOffLoopback && url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url.IdnHost.Trim('[', ']')))
        {
            throw new ArgumentException($"{name} carries a secret: it must be https (plain http only to a loopback host).", name);
        }
        return url;
    }
}

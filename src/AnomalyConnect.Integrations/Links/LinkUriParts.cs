using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AnomalyConnect.Integrations.Links;

/// <summary>
/// The pieces of a <c>scheme://userinfo@host:port/?query#fragment</c> link, decoded. Parsed by hand because
/// <see cref="Uri"/> rejects the port ranges and lists Hysteria2 links carry (<c>host:20000-50000</c>).
/// </summary>
internal sealed record LinkUriParts(
    string UserInfo,
    string Host,
    string? Port,
    IReadOnlyDictionary<string, string> Query,
    string Fragment)
{
    private static readonly SearchValues<char> UserInfoKept = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:");

    public string Param(string key) => Query.TryGetValue(key, out var value) ? value : "";

    public static bool TryParse(string? uri, IReadOnlyList<string> schemes, [NotNullWhen(true)] out LinkUriParts? parts)
    {
        parts = null;
        var text = uri?.Trim();
        if (string.IsNullOrEmpty(text))
            return false;

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !schemes.Contains(text[..schemeEnd], StringComparer.OrdinalIgnoreCase))
            return false;
        var rest = text[(schemeEnd + 3)..];

        var fragment = "";
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            // Generators in the wild leave spaces and emoji unescaped in the name; accept them there only.
            fragment = Uri.UnescapeDataString(rest[(hash + 1)..]);
            rest = rest[..hash];
        }

        if (rest.Any(c => c <= ' ' || c > '~'))
            return false;

        var queryText = "";
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            queryText = rest[(question + 1)..];
            rest = rest[..question];
        }

        var slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            if (rest.Length != slash + 1)
                return false; // a path means a transport these links do not describe
            rest = rest[..slash];
        }

        var at = rest.LastIndexOf('@');
        if (at <= 0)
            return false;
        var userInfo = Uri.UnescapeDataString(rest[..at]);
        if (!TrySplitHostPort(rest[(at + 1)..], out var host, out var port))
            return false;

        parts = new LinkUriParts(userInfo, host, port, ParseQuery(queryText), fragment);
        return true;
    }

    public static string FormatHost(string host) => host.Contains(':') ? $"[{host}]" : host;

    /// <summary>
    /// Escapes like Go's <c>url.UserPassword</c> does (the Hysteria2 client parses links with it): unreserved
    /// characters and sub-delimiters stay; <c>:</c> stays so that <c>user:password</c> keeps its meaning.
    /// </summary>
    public static string EscapeUserInfo(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(UserInfoKept))
            return value;

        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (UserInfoKept.Contains(c))
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    public static string Escape(string value) => Uri.EscapeDataString(value);

    public static bool TryParsePort(string? text, out int port)
    {
        port = 0;
        return text is { Length: > 0 and <= 5 }
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is >= 1 and <= 65535;
    }

    private static bool TrySplitHostPort(string hostPort, out string host, out string? port)
    {
        host = "";
        port = null;
        string rawPort;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0)
                return false;
            host = hostPort[1..close];
            if (!IPAddress.TryParse(host, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6
                || host.Contains('%'))
                return false;
            var after = hostPort[(close + 1)..];
            if (after.Length == 0)
                return true;
            if (after[0] != ':')
                return false;
            rawPort = after[1..];
        }
        else
        {
            var colon = hostPort.LastIndexOf(':');
            host = colon >= 0 ? hostPort[..colon] : hostPort;
            if (host.Length == 0 || !host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
                return false;
            if (colon < 0)
                return true;
            rawPort = hostPort[(colon + 1)..];
        }

        if (rawPort.Length == 0)
            return false;
        port = rawPort;
        return true;
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Uri.UnescapeDataString(pair[(equals + 1)..]) : "";
            result.TryAdd(key, value);
        }

        return result;
    }
}

using System.Globalization;
using System.Net;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Api.Admin;

/// <summary>
/// The admin UI's and /metrics' settings: ADMIN_ALLOWLIST (addresses or CIDR ranges allowed to open /admin and
/// /metrics; empty = everyone), METRICS_USERNAME and METRICS_PASSWORD (basic auth of /metrics, both or neither) and
/// ADMIN_SESSION_HOURS (how long a login lasts, default 12).
/// </summary>
public sealed class AdminOptions
{
    public const double DefaultSessionHours = 12;
    public const double MaxSessionHours = 24 * 30;

    public IReadOnlyList<IPNetwork> Allowlist { get; init; } = [];

    public string? MetricsUsername { get; init; }

    public string? MetricsPassword { get; init; }

    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(DefaultSessionHours);

    public bool MetricsNeedBasicAuth => MetricsUsername is not null;

    /// <summary>Reads the settings, or throws <see cref="ConfigurationProblemException"/> with a sentence per bad value.</summary>
    public static AdminOptions Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var allowlist = ParseAllowlist(configuration["ADMIN_ALLOWLIST"], problems);
        var username = Blank(configuration["METRICS_USERNAME"]);
        var password = Blank(configuration["METRICS_PASSWORD"]);
        if ((username is null) != (password is null))
        {
            problems.Add("METRICS_USERNAME and METRICS_PASSWORD go together: set both to protect /metrics with basic auth, or neither.");
        }
        if (username is not null && username.Contains(':', StringComparison.Ordinal))
        {
            problems.Add("METRICS_USERNAME cannot contain ':' (basic auth separates the user name from the password with it).");
        }
        var hours = DefaultSessionHours;
        if (Blank(configuration["ADMIN_SESSION_HOURS"]) is { } rawHours)
        {
            if (!double.TryParse(rawHours, NumberStyles.Float, CultureInfo.InvariantCulture, out hours) || !(hours > 0) || hours > MaxSessionHours)
            {
                problems.Add($"ADMIN_SESSION_HOURS must be a number of hours above 0 and at most {MaxSessionHours:0}; '{rawHours}' is not.");
                hours = DefaultSessionHours;
            }
        }
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException(problems);
        }
        return new AdminOptions
        {
            Allowlist = allowlist,
            MetricsUsername = username,
            MetricsPassword = password,
            SessionLifetime = TimeSpan.FromHours(hours),
        };
    }

    /// <summary>
    /// Addresses become single-address networks; a range's host bits are ignored (10.1.2.3/24 means 10.1.2.0/24),
    /// as nginx's allow does.
    /// </summary>
    public static List<IPNetwork> ParseAllowlist(string? raw, List<string> problems)
    {
        var networks = new List<IPNetwork>();
        foreach (var part in (raw ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParseNetwork(part, out var network))
            {
                networks.Add(network);
            }
            else
            {
                problems.Add($"ADMIN_ALLOWLIST must be IP addresses or CIDR ranges like 198.51.100.7 or 2001:db8::/32, separated by commas; '{part}' is not.");
            }
        }
        return networks;
    }

    private static bool TryParseNetwork(string text, out IPNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address))
        {
            return false;
        }
        var bits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return false;
        }
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bits; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

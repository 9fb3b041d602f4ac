using System.Text.RegularExpressions;
using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>What makes a node definition acceptable, in plain sentences.</summary>
internal static partial class NodeRules
{
    /// <summary>
    /// Whether a node's core restarted since it was last seen (and so lost every user): its uptime went down. The
    /// node grain queues a resync on it; the heartbeat probes the node at once on it.
    /// </summary>
    public static bool CoreRestarted(long? uptimeSeconds, long? lastUptimeSeconds) =>
        uptimeSeconds is { } uptime && lastUptimeSeconds is { } last && uptime < last;

    public static string? Validate(string nodeId, NodeDefinition definition)
    {
        if (!NodeIdPattern().IsMatch(nodeId))
        {
            return "id must be 1 to 64 lowercase letters, digits and '-' (like node-eu-1).";
        }
        if (string.IsNullOrWhiteSpace(definition.Name) || string.IsNullOrWhiteSpace(definition.Address) || string.IsNullOrWhiteSpace(definition.Region))
        {
            return "name, region and address are required.";
        }
        if (definition.Capacity <= 0)
        {
            return "capacity must be a positive number of users.";
        }
        if (definition.Xray is null && definition.Hysteria2 is null)
        {
            return "A node needs xray, hysteria2 or both.";
        }
        if (definition.Xray is { } xray)
        {
            if (!IsHttpUrl(xray.ApiUrl))
            {
                return "xray.api_url must be an http:// or https:// URL of the Xray gRPC API.";
            }
            if (xray.Flavor is not ("xray" or "v2ray"))
            {
                return "xray.flavor must be \"xray\" or \"v2ray\".";
            }
            if (string.IsNullOrWhiteSpace(xray.InboundTag))
            {
                return "xray.inbound_tag is required.";
            }
            if (xray.Port is <= 0 or > 65535)
            {
                return "xray.port must be a TCP port.";
            }
            if (xray.Security is not ("reality" or "tls" or "none"))
            {
                return "xray.security must be \"reality\", \"tls\" or \"none\".";
            }
            if (xray.Security == "reality" && xray.Flavor == "v2ray")
            {
                return "v2ray has no REALITY (it would silently serve plain VLESS): use flavor \"xray\", or security \"tls\" or \"none\".";
            }
            if (xray.Security == "reality" && (xray.Reality is null || string.IsNullOrWhiteSpace(xray.Reality.PublicKey) || string.IsNullOrWhiteSpace(xray.Reality.ServerName)))
            {
                return "xray.reality with public_key and server_name is required when security is \"reality\".";
            }
        }
        if (definition.Hysteria2 is { } hysteria)
        {
            if (!IsHttpUrl(hysteria.StatsUrl))
            {
                return "hysteria2.stats_url must be an http:// or https:// URL of the traffic stats API.";
            }
            if (string.IsNullOrEmpty(hysteria.StatsSecret))
            {
                return "hysteria2.stats_secret is required.";
            }
            if (!PortPattern().IsMatch(hysteria.Port))
            {
                return "hysteria2.port must be a UDP port or a range like 20000-50000.";
            }
        }
        return null;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NodeIdPattern();

    [GeneratedRegex("^[0-9]{1,5}(-[0-9]{1,5})?$")]
    private static partial Regex PortPattern();
}

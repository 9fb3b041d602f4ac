using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>A node as the admin API returns it: definition (no secrets), health, load, users and traffic.</summary>
public sealed record NodeResponse(
    string Id,
    string Name,
    string Region,
    string Address,
    int Capacity,
    int Priority,
    string Health,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? LastCheckedAt,
    long Users,
    double Load,
    long UploadBytes,
    long DownloadBytes,
    XrayDefinition? Xray,
    Hysteria2PublicView? Hysteria2,
    DateTimeOffset RegisteredAt,
    string? Hysteria2AuthHookUrl = null)
{
    /// <summary>The URL to put in the node's Hysteria2 config (auth.http.url); it carries the node's secret.</summary>
    public static string AuthHookUrl(string appUrl, string nodeId, string secret) =>
        $"{appUrl.TrimEnd('/')}/hysteria/auth/{Uri.EscapeDataString(nodeId)}?secret={Uri.EscapeDataString(secret)}";

    public static NodeResponse Of(NodeView node, long users, double load) => new(
        node.NodeId, node.Name, node.Region, node.Address, node.Capacity, node.Priority,
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(node.Health.ToString()),
        node.ConsecutiveFailures, node.LastError, node.LastCheckedAt, users, load,
        node.UploadBytes, node.DownloadBytes, node.Xray, node.Hysteria2, node.RegisteredAt);
}

using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Subscriptions.Tests.Unit;

/// <summary>Users and nodes as the front end receives them, for the pure tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static UserView User(
        UserStatus status = UserStatus.Active, DateTimeOffset? expiresAt = null, long? limit = null, long used = 0,
        int? deviceLimit = null, params UserPlacement[] placements) => new(
        "u1", status, Now.AddDays(-1), expiresAt, null, limit, used / 2, used - used / 2, TrafficResetStrategy.NoReset,
        placements, new UserCredentials("8f3c1a52-0d7e-4b8e-9a1f-2c6d5e4b3a21", "hy2-auth", "token"),
        null, null, null, null, null, null, deviceLimit);

    public static NodeSummary Node(
        string id, NodeHealth health = NodeHealth.Healthy, double load = 0, string security = "reality",
        bool xray = true, bool hysteria2 = false, string region = "eu") => new(
        new NodeView(
            id, $"Name {id}", region, $"{id}.example.com", 100, 0, health, 0, null, null, null, 0, 0,
            xray
                ? new XrayDefinition($"http://{id}:10085", "xray", "vless-in", 443, security,
                    security == "reality" ? new RealityDefinition($"pbk-{id}", "abcd", "www.example.org", "") : null)
                : null,
            hysteria2 ? new Hysteria2PublicView("8443", "http://stats", $"{id}.example.com", "obfs", false) : null,
            Now.AddDays(-10)),
        0,
        load);
}

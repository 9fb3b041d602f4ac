namespace AnomalyConnect.Contracts.Nodes;

/// <summary>A node as an operator registers it (DESIGN.md §4 POST /admin/api/nodes).</summary>
public sealed record NodeDefinition(
    string Name,
    string Region,
    string Address,
    int Capacity,
    int Priority,
    XrayDefinition? Xray,
    Hysteria2Definition? Hysteria2);

/// <summary>The node's Xray (or v2ray) core: its gRPC API and the VLESS inbound users are pushed to.</summary>
public sealed record XrayDefinition(
    string ApiUrl,
    string Flavor,
    string InboundTag,
    int Port,
    string Security,
    RealityDefinition? Reality,
    string? HysteriaInboundTag = null);

public sealed record RealityDefinition(string PublicKey, string ShortId, string ServerName, string Fingerprint, string? PrivateKey = null, string? SpiderX = null);

/// <summary>The node's Hysteria2 server: its traffic stats API, and how clients reach it.</summary>
public sealed record Hysteria2Definition(
    string Port,
    string StatsUrl,
    string StatsSecret,
    string ServerName,
    string? ObfsPassword = null,
    bool Insecure = false);

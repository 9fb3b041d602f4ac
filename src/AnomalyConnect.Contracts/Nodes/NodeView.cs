namespace AnomalyConnect.Contracts.Nodes;

/// <summary>A node as the admin API shows it. Secrets (stats secret, auth-hook secret) are not part of it.</summary>
public sealed record NodeView(
    string NodeId,
    string Name,
    string Region,
    string Address,
    int Capacity,
    int Priority,
    NodeHealth Health,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? LastCheckedAt,
    DateTimeOffset? LastHealthyAt,
    long UploadBytes,
    long DownloadBytes,
    XrayDefinition? Xray,
    Hysteria2PublicView? Hysteria2,
    DateTimeOffset RegisteredAt);

/// <summary>The Hysteria2 part of a node without its stats secret.</summary>
public sealed record Hysteria2PublicView(string Port, string StatsUrl, string ServerName, string? ObfsPassword, bool Insecure);

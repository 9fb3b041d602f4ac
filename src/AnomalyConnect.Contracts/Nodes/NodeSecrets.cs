namespace AnomalyConnect.Contracts.Nodes;

/// <summary>
/// The secrets a node's own server configs need, for the operator who downloads them: the Hysteria2 auth-hook secret,
/// the Hysteria2 stats API secret and the Reality private key (null when not registered).
/// </summary>
public sealed record NodeSecrets(string AuthHookSecret, string? StatsSecret, string? RealityPrivateKey);

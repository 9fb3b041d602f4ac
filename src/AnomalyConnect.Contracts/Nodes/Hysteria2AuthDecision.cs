namespace AnomalyConnect.Contracts.Nodes;

/// <summary>The auth hook's answer. <see cref="SecretValid"/> false means the caller is not our node at all.</summary>
public sealed record Hysteria2AuthDecision(bool SecretValid, bool Allowed, string? UserId);

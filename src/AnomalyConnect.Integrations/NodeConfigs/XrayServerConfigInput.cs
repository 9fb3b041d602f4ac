namespace AnomalyConnect.Integrations.NodeConfigs;

/// <summary>
/// What a node's Xray server config is made from (see <see cref="XrayServerConfig.Render"/>).
/// <paramref name="Security"/> is <c>reality</c>, <c>tls</c> or <c>none</c>; the Reality fields are read only for
/// <c>reality</c>, the certificate paths for <c>tls</c> and for the native Hysteria2 inbound.
/// <paramref name="RealityDest"/> is the borrowed site as <c>host:port</c>, e.g. <c>www.microsoft.com:443</c>.
/// </summary>
public sealed record XrayServerConfigInput(
    string InboundTag,
    int VlessPort,
    string Security,
    string? RealityPrivateKey,
    IReadOnlyList<string> RealityShortIds,
    string? RealityServerName,
    string? RealityDest,
    int ApiPort = 10085,
    int? HttpFallbackPort = 80,
    string? TlsCertificatePath = null,
    string? TlsKeyPath = null,
    string? HysteriaInboundTag = null,
    int? HysteriaPort = null);

namespace AnomalyConnect.Integrations.NodeConfigs;

/// <summary>
/// What a node's Hysteria2 server config is made from (see <see cref="Hysteria2ServerConfig.Render"/>).
/// <paramref name="Listen"/> is one UDP address, <c>:443</c> or <c>host:port</c>; a port range is not a listen address
/// (hopping is a firewall redirect to this one port). <paramref name="AuthHookUrl"/> is the control server's auth hook
/// with the node's secret, e.g. <c>https://control/hysteria/auth/node-eu-1?secret=…</c>. <paramref name="StatsListen"/>
/// is a loopback <c>host:port</c>. Exactly one of ACME (<paramref name="AcmeDomain"/>, optional
/// <paramref name="AcmeEmail"/>) and certificate files (<paramref name="TlsCertificatePath"/>,
/// <paramref name="TlsKeyPath"/>) is given. A null or empty <paramref name="ObfsPassword"/> means no obfuscation.
/// </summary>
public sealed record Hysteria2ServerConfigInput(
    string Listen,
    string AuthHookUrl,
    string StatsListen,
    string StatsSecret,
    string? AcmeDomain,
    string? AcmeEmail,
    string? TlsCertificatePath,
    string? TlsKeyPath,
    string? ObfsPassword,
    string MasqueradeUrl = "https://www.bing.com");

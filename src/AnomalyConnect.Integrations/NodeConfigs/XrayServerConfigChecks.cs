using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Integrations.NodeConfigs;

/// <summary>
/// Rejects an <see cref="XrayServerConfigInput"/> Xray would refuse to start with, or would start with but serve
/// wrongly, so the operator hears about it from the admin API rather than from a node that does not come up.
/// </summary>
internal static class XrayServerConfigChecks
{
    // `xray x25519` prints 32-byte keys as unpadded base64url, and that is the only form Xray decodes.
    private const int X25519KeyChars = 43;
    private const int MaxShortIdChars = 16;

    /// <returns>The security, as one of the <see cref="VlessSecurity"/> values.</returns>
    public static string Validate(XrayServerConfigInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var security = input.Security?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!VlessSecurity.IsKnown(security))
        {
            throw new ArgumentException(
                $"{nameof(input.Security)} must be '{VlessSecurity.Reality}', '{VlessSecurity.Tls}' or '{VlessSecurity.None}'.",
                nameof(input.Security));
        }

        RequireTag(input.InboundTag, nameof(input.InboundTag));
        NodeConfigChecks.RequirePort(input.VlessPort, nameof(input.VlessPort));
        NodeConfigChecks.RequirePort(input.ApiPort, nameof(input.ApiPort));
        if (input.HttpFallbackPort is { } httpPort)
        {
            NodeConfigChecks.RequirePort(httpPort, nameof(input.HttpFallbackPort));
        }

        if (security == VlessSecurity.Reality)
        {
            RequireReality(input);
        }
        else if (security == VlessSecurity.Tls)
        {
            RequireCertificateFiles(input, "VLESS over TLS");
        }
        RequireHysteria(input);
        RequireDistinctTcpPorts(input, security);
        return security;
    }

    /// <summary>The host of <c>RealityDest</c>, already validated.</summary>
    public static string RealityDestHost(XrayServerConfigInput input)
    {
        NodeConfigChecks.TryParseHostPort(input.RealityDest, out var host, out _);
        return host;
    }

    private static void RequireTag(string? tag, string name)
    {
        NodeConfigChecks.RequireText(tag, name);
        if (tag is XrayServerConfig.ApiInboundTag or XrayServerConfig.HttpFallbackInboundTag)
        {
            throw new ArgumentException($"{name} '{tag}' is reserved for the generated config's own inbound.", name);
        }
    }

    private static void RequireReality(XrayServerConfigInput input)
    {
        var key = NodeConfigChecks.RequireText(input.RealityPrivateKey, nameof(input.RealityPrivateKey));
        if (key.Length != X25519KeyChars || !key.All(IsBase64UrlChar))
        {
            throw new ArgumentException(
                $"{nameof(input.RealityPrivateKey)} must be the x25519 private key as `xray x25519` prints it: "
                + $"{X25519KeyChars} base64url characters, no padding.",
                nameof(input.RealityPrivateKey));
        }

        if (input.RealityShortIds is null || input.RealityShortIds.Count == 0)
        {
            throw new ArgumentException($"{nameof(input.RealityShortIds)} needs at least one short id for Reality.", nameof(input.RealityShortIds));
        }
        foreach (var shortId in input.RealityShortIds)
        {
            if (shortId is null || shortId.Length > MaxShortIdChars || shortId.Length % 2 != 0 || !shortId.All(char.IsAsciiHexDigit))
            {
                throw new ArgumentException(
                    $"{nameof(input.RealityShortIds)}: each short id is an even number (0 to {MaxShortIdChars}) of hex digits, "
                    + $"not '{shortId}'.",
                    nameof(input.RealityShortIds));
            }
        }

        if (!NodeConfigChecks.IsDnsName(input.RealityServerName))
        {
            throw new ArgumentException(
                $"{nameof(input.RealityServerName)} must be the host name (SNI) clients present, e.g. www.microsoft.com.",
                nameof(input.RealityServerName));
        }
        if (!NodeConfigChecks.TryParseHostPort(input.RealityDest, out var destHost, out _) || destHost.Length == 0)
        {
            throw new ArgumentException(
                $"{nameof(input.RealityDest)} must be the borrowed site as host:port, e.g. www.microsoft.com:443.",
                nameof(input.RealityDest));
        }
    }

    private static void RequireCertificateFiles(XrayServerConfigInput input, string purpose)
    {
        if (string.IsNullOrWhiteSpace(input.TlsCertificatePath) || string.IsNullOrWhiteSpace(input.TlsKeyPath))
        {
            throw new ArgumentException(
                $"{purpose} needs {nameof(input.TlsCertificatePath)} and {nameof(input.TlsKeyPath)} (PEM files on the node).",
                string.IsNullOrWhiteSpace(input.TlsCertificatePath) ? nameof(input.TlsCertificatePath) : nameof(input.TlsKeyPath));
        }
        NodeConfigChecks.RequireText(input.TlsCertificatePath, nameof(input.TlsCertificatePath));
        NodeConfigChecks.RequireText(input.TlsKeyPath, nameof(input.TlsKeyPath));
    }

    private static void RequireHysteria(XrayServerConfigInput input)
    {
        if (input.HysteriaInboundTag is null && input.HysteriaPort is null)
        {
            return;
        }
        if (input.HysteriaInboundTag is null || input.HysteriaPort is null)
        {
            throw new ArgumentException(
                $"The native Hysteria2 inbound needs both {nameof(input.HysteriaInboundTag)} and {nameof(input.HysteriaPort)}.",
                input.HysteriaInboundTag is null ? nameof(input.HysteriaInboundTag) : nameof(input.HysteriaPort));
        }
        RequireTag(input.HysteriaInboundTag, nameof(input.HysteriaInboundTag));
        if (input.HysteriaInboundTag == input.InboundTag)
        {
            throw new ArgumentException(
                $"{nameof(input.HysteriaInboundTag)} must differ from {nameof(input.InboundTag)}: users are pushed to an inbound by its tag.",
                nameof(input.HysteriaInboundTag));
        }
        NodeConfigChecks.RequirePort(input.HysteriaPort.Value, nameof(input.HysteriaPort));
        RequireCertificateFiles(input, "The Hysteria2 inbound (QUIC, always TLS)");
    }

    // Hysteria2 is UDP, so it may share a number with a TCP port; the TCP listeners may not share one. With tls the
    // HTTP port belongs to the node's web server, not to Xray, but it still cannot be the VLESS or API port.
    private static void RequireDistinctTcpPorts(XrayServerConfigInput input, string security)
    {
        if (input.VlessPort == input.ApiPort)
        {
            throw new ArgumentException($"{nameof(input.ApiPort)} must differ from {nameof(input.VlessPort)} ({input.VlessPort}).", nameof(input.ApiPort));
        }
        if (security != VlessSecurity.None && input.HttpFallbackPort is { } httpPort && (httpPort == input.VlessPort || httpPort == input.ApiPort))
        {
            throw new ArgumentException(
                $"{nameof(input.HttpFallbackPort)} ({httpPort}) must differ from {nameof(input.VlessPort)} and {nameof(input.ApiPort)}.",
                nameof(input.HttpFallbackPort));
        }
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}

using System.Text;

namespace AnomalyConnect.Integrations.NodeConfigs;

/// <summary>
/// Rejects a <see cref="Hysteria2ServerConfigInput"/> Hysteria2 would refuse to start with, or one that would expose
/// what must stay private (the stats API off loopback, the auth secret over plain http).
/// </summary>
internal static class Hysteria2ServerConfigChecks
{
    // Hysteria's salamander obfuscator refuses a shorter pre-shared key (smPSKMinLen).
    private const int MinObfsPasswordBytes = 4;

    /// <returns>The UDP port Hysteria listens on.</returns>
    public static int Validate(Hysteria2ServerConfigInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var port = RequireListen(input.Listen);
        NodeConfigChecks.RequireHttpUrl(input.AuthHookUrl, nameof(input.AuthHookUrl), httpsOffLoopback: true);
        if (!NodeConfigChecks.TryParseHostPort(input.StatsListen, out var statsHost, out _) || !NodeConfigChecks.IsLoopback(statsHost))
        {
            throw new ArgumentException(
                $"{nameof(input.StatsListen)} must be a loopback host:port such as 127.0.0.1:9999: "
                + "the control server reaches the stats API only through the node's mTLS nginx.",
                nameof(input.StatsListen));
        }
        NodeConfigChecks.RequireText(input.StatsSecret, nameof(input.StatsSecret));
        RequireCertificateSource(input);
        if (!string.IsNullOrEmpty(input.ObfsPassword))
        {
            NodeConfigChecks.RequireText(input.ObfsPassword, nameof(input.ObfsPassword));
            if (Encoding.UTF8.GetByteCount(input.ObfsPassword) < MinObfsPasswordBytes)
            {
                throw new ArgumentException(
                    $"{nameof(input.ObfsPassword)} must be at least {MinObfsPasswordBytes} bytes (salamander refuses shorter ones).",
                    nameof(input.ObfsPassword));
            }
        }
        NodeConfigChecks.RequireHttpUrl(input.MasqueradeUrl, nameof(input.MasqueradeUrl), httpsOffLoopback: false);
        return port;
    }

    private static int RequireListen(string? listen)
    {
        var text = NodeConfigChecks.RequireText(listen, nameof(Hysteria2ServerConfigInput.Listen));
        if (NodeConfigChecks.TryParseHostPort(text, out _, out var port))
        {
            return port;
        }
        var portPart = text[(text.LastIndexOf(':') + 1)..];
        var hint = portPart.Contains('-', StringComparison.Ordinal) || portPart.Contains(',', StringComparison.Ordinal)
            ? " Hysteria listens on one port; for port hopping redirect the range to it with the firewall "
              + "(iptables -t nat -A PREROUTING -p udp --dport 20000:50000 -j REDIRECT --to-ports 443)."
            : string.Empty;
        throw new ArgumentException(
            $"{nameof(Hysteria2ServerConfigInput.Listen)} must be one UDP address, ':443' or 'host:443'.{hint}",
            nameof(Hysteria2ServerConfigInput.Listen));
    }

    // Hysteria refuses a config with both or neither.
    private static void RequireCertificateSource(Hysteria2ServerConfigInput input)
    {
        var acme = input.AcmeDomain is not null || input.AcmeEmail is not null;
        var files = input.TlsCertificatePath is not null || input.TlsKeyPath is not null;
        if (acme && files)
        {
            throw new ArgumentException(
                $"Give either ACME ({nameof(input.AcmeDomain)}) or certificate files ({nameof(input.TlsCertificatePath)}, "
                + $"{nameof(input.TlsKeyPath)}), not both.",
                nameof(input.AcmeDomain));
        }
        if (acme)
        {
            if (!NodeConfigChecks.IsDnsName(input.AcmeDomain))
            {
                throw new ArgumentException($"{nameof(input.AcmeDomain)} must be the node's domain name for the ACME certificate.", nameof(input.AcmeDomain));
            }
            if (input.AcmeEmail is not null && !IsPlausibleEmail(NodeConfigChecks.RequireText(input.AcmeEmail, nameof(input.AcmeEmail))))
            {
                throw new ArgumentException($"{nameof(input.AcmeEmail)} must be an email address.", nameof(input.AcmeEmail));
            }
            return;
        }
        if (!files)
        {
            throw new ArgumentException(
                $"Hysteria2 needs a certificate: {nameof(input.AcmeDomain)} for ACME, or {nameof(input.TlsCertificatePath)} "
                + $"and {nameof(input.TlsKeyPath)}.",
                nameof(input.TlsCertificatePath));
        }
        NodeConfigChecks.RequireText(input.TlsCertificatePath, nameof(input.TlsCertificatePath));
        NodeConfigChecks.RequireText(input.TlsKeyPath, nameof(input.TlsKeyPath));
    }

    private static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && NodeConfigChecks.IsDnsName(email[(at + 1)..]) && !email.Any(char.IsWhiteSpace);
    }
}

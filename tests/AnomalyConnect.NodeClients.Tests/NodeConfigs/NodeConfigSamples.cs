using System.Buffers.Text;
using System.Security.Cryptography;
using AnomalyConnect.Integrations.NodeConfigs;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>Valid generator inputs to vary with <c>with</c>.</summary>
internal static class NodeConfigSamples
{
    /// <summary>A fresh x25519-sized key in the form `xray x25519` prints.</summary>
    public static string RealityPrivateKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static XrayServerConfigInput Reality() => new(
        InboundTag: "vless-reality",
        VlessPort: 443,
        Security: "reality",
        RealityPrivateKey: RealityPrivateKey(),
        RealityShortIds: ["0123456789abcdef", "ab"],
        RealityServerName: "www.microsoft.com",
        RealityDest: "www.microsoft.com:443");

    public static XrayServerConfigInput Tls(string certificatePath = "/etc/xray/tls.crt", string keyPath = "/etc/xray/tls.key") => new(
        InboundTag: "vless-tls",
        VlessPort: 443,
        Security: "tls",
        RealityPrivateKey: null,
        RealityShortIds: [],
        RealityServerName: null,
        RealityDest: null,
        TlsCertificatePath: certificatePath,
        TlsKeyPath: keyPath);

    public static XrayServerConfigInput None(int apiPort = 10085, int vlessPort = 8443) => new(
        InboundTag: "vless-in",
        VlessPort: vlessPort,
        Security: "none",
        RealityPrivateKey: null,
        RealityShortIds: [],
        RealityServerName: null,
        RealityDest: null,
        ApiPort: apiPort);

    public static Hysteria2ServerConfigInput Hysteria2() => new(
        Listen: ":443",
        AuthHookUrl: "https://control.example.com/hysteria/auth/node-eu-1?secret=s3cr3t",
        StatsListen: "127.0.0.1:9999",
        StatsSecret: "stats-secret",
        AcmeDomain: null,
        AcmeEmail: null,
        TlsCertificatePath: "/etc/hysteria/tls.crt",
        TlsKeyPath: "/etc/hysteria/tls.key",
        ObfsPassword: null);
}

using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Users;

/// <summary>How protocols are spelled in tables and outbox payloads.</summary>
internal static class ProtocolNames
{
    public const string Vless = "vless";
    public const string Hysteria2 = "hysteria2";

    public static string Of(NodeProtocol protocol) => protocol switch
    {
        NodeProtocol.Vless => Vless,
        NodeProtocol.Hysteria2 => Hysteria2,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    public static NodeProtocol Parse(string name) => name switch
    {
        Vless => NodeProtocol.Vless,
        Hysteria2 => NodeProtocol.Hysteria2,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}

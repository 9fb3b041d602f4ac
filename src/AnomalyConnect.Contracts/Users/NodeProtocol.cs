namespace AnomalyConnect.Contracts.Users;

/// <summary>A way a user connects to a node.</summary>
public enum NodeProtocol
{
    Vless,
    Hysteria2,
}

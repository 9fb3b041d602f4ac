namespace AnomalyConnect.Integrations.Links;

/// <summary>The protocols a share link can describe.</summary>
public enum ProxyProtocol
{
    Vless,
    Hysteria2,
}

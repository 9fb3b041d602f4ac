namespace AnomalyConnect.Integrations.Xray;

/// <summary>Which core runs the node: the same gRPC API under package prefix <c>xray.</c> or <c>v2ray.core.</c>.</summary>
public enum XrayFlavor
{
    Xray,
    V2ray,
}

using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>Turns the wire request into a node definition with the documented defaults.</summary>
internal static class NodeRequestMapping
{
    public static (string? Id, NodeDefinition Definition) ToDefinition(RegisterNodeRequest request) => (
        request.Id?.Trim(),
        new NodeDefinition(
            request.Name?.Trim() ?? request.Id ?? "",
            request.Region?.Trim() ?? "",
            request.Address?.Trim() ?? "",
            request.Capacity ?? 0,
            request.Priority ?? 0,
            request.Xray is { } xray
                ? new XrayDefinition(
                    xray.ApiUrl ?? "",
                    xray.Flavor ?? "xray",
                    xray.InboundTag ?? "",
                    xray.Port ?? 443,
                    xray.Security ?? "reality",
                    xray.Reality is { } reality
                        ? new RealityDefinition(reality.PublicKey ?? "", reality.ShortId ?? "", reality.ServerName ?? "", reality.Fingerprint ?? "chrome", reality.PrivateKey, reality.SpiderX)
                        : null,
                    xray.HysteriaInboundTag)
                : null,
            request.Hysteria2 is { } hysteria
                ? new Hysteria2Definition(hysteria.Port ?? "443", hysteria.StatsUrl ?? "", hysteria.StatsSecret ?? "", hysteria.ServerName ?? "", hysteria.ObfsPassword, hysteria.Insecure ?? false)
                : null));
}

using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Grains.Nodes;

internal static class NodeViews
{
    public static NodeView Of(string nodeId, NodeState state) => new(
        nodeId,
        state.Name,
        state.Region,
        state.Address,
        state.Capacity,
        state.Priority,
        state.Health,
        state.ConsecutiveFailures,
        state.LastError,
        state.LastCheckedAt,
        state.LastHealthyAt,
        state.UploadBytes,
        state.DownloadBytes,
        state.Xray is null ? null : state.Xray with { Reality = state.Xray.Reality is null ? null : state.Xray.Reality with { PrivateKey = null } },
        state.Hysteria2 is null ? null : new Hysteria2PublicView(
            state.Hysteria2.Port, state.Hysteria2.StatsUrl, state.Hysteria2.ServerName, state.Hysteria2.ObfsPassword, state.Hysteria2.Insecure),
        state.RegisteredAt);
}

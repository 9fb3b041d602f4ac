using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Grains.Users;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AnomalyConnect.Grains.Nodes.Handlers;

/// <summary>
/// Makes one node agree with the user grain about one user: adds it with its current credential, replaces a
/// stale credential, or removes it (and kicks it from Hysteria2). It re-reads the truth, so repeats are harmless.
/// A node that is down is left to the resync that follows its recovery.
/// </summary>
internal sealed class NodeUserSyncHandler(
    NodeConnections connections, NpgsqlDataSource dataSource, NodeCatalog catalog) : IOutboxHandler
{
    public string Kind => OutboxKinds.NodeUserSync;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var sync = message.Read<NodeUserSync>();
        var view = await NodeMembership.ReadSyncAsync(dataSource, sync.NodeId, sync.Protocol, sync.UserId, catalog.Mode, cancellationToken);
        if (view.Node is not { } node || node.Health == NodeHealth.Unhealthy)
        {
            return;
        }
        if (sync.Protocol == ProtocolNames.Vless)
        {
            await SyncVlessAsync(sync, node, view, cancellationToken);
        }
        else
        {
            await SyncHysteriaAsync(sync, node, view, cancellationToken);
        }
    }

    private async Task SyncVlessAsync(NodeUserSync sync, NodeState node, NodeUserSyncView view, CancellationToken cancellationToken)
    {
        if (node.Xray is { } xray)
        {
            var endpoint = NodeConnections.XrayEndpointOf(node);
            await SyncXrayMemberAsync(sync, endpoint, xray.InboundTag, view,
                () => connections.Xray.AddVlessUserAsync(endpoint, xray.InboundTag, sync.UserId, view.Desired!, NodeConnections.VlessFlowOf(node), cancellationToken),
                cancellationToken);
        }
    }

    private async Task SyncHysteriaAsync(NodeUserSync sync, NodeState node, NodeUserSyncView view, CancellationToken cancellationToken)
    {
        if (node.Xray is { HysteriaInboundTag: { } tag })
        {
            var endpoint = NodeConnections.XrayEndpointOf(node);
            await SyncXrayMemberAsync(sync, endpoint, tag, view,
                () => connections.Xray.AddHysteriaUserAsync(endpoint, tag, sync.UserId, view.Desired!, cancellationToken),
                cancellationToken);
        }
        if (view.Desired is null && node.Hysteria2 is { } hysteria)
        {
            // Hysteria2 asks our auth hook on every new connection; kicking closes the ones already open.
            await connections.Hysteria.KickAsync(new Uri(hysteria.StatsUrl), hysteria.StatsSecret, [sync.UserId], cancellationToken);
        }
    }

    /// <summary>Removes a user the node must not have, or holds with an old credential; adds it when it belongs.</summary>
    private async Task SyncXrayMemberAsync(
        NodeUserSync sync, Integrations.Xray.XrayEndpoint endpoint, string inboundTag, NodeUserSyncView view, Func<Task> add, CancellationToken cancellationToken)
    {
        var credential = view.Desired;
        if (credential is null || (view.Held is not null && view.Held != credential))
        {
            await connections.Xray.RemoveUserAsync(endpoint, inboundTag, sync.UserId, cancellationToken);
            await NodeMembership.RecordAsync(dataSource, sync.NodeId, sync.Protocol, [], [sync.UserId], cancellationToken);
        }
        if (credential is not null)
        {
            await add();
            await NodeMembership.RecordAsync(dataSource, sync.NodeId, sync.Protocol, [new DesiredMember(sync.UserId, credential)], [], cancellationToken);
        }
    }
}

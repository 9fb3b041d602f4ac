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
    NodeConnections connections, GrainStore store, NpgsqlDataSource dataSource, NodeCatalog catalog) : IOutboxHandler
{
    public string Kind => OutboxKinds.NodeUserSync;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var sync = message.Read<NodeUserSync>();
        var node = await connections.ReadAsync(sync.NodeId, cancellationToken);
        if (node is null || node.Health == NodeHealth.Unhealthy)
        {
            return;
        }
        var user = await store.ReadAsync<UserState>(UserIndexes.GrainType, sync.UserId, cancellationToken);
        var desired = user is not null && await NodeMembership.IsDesiredAsync(dataSource, sync.NodeId, sync.Protocol, sync.UserId, catalog.Mode);
        if (sync.Protocol == ProtocolNames.Vless)
        {
            await SyncVlessAsync(sync, node, desired ? user!.VlessUuid : null, cancellationToken);
        }
        else
        {
            await SyncHysteriaAsync(sync, node, desired ? user!.Hysteria2Auth : null, cancellationToken);
        }
    }

    private async Task SyncVlessAsync(NodeUserSync sync, NodeState node, string? uuid, CancellationToken cancellationToken)
    {
        if (node.Xray is { } xray)
        {
            var endpoint = NodeConnections.XrayEndpointOf(node);
            await SyncXrayMemberAsync(sync, endpoint, xray.InboundTag, uuid,
                () => connections.Xray.AddVlessUserAsync(endpoint, xray.InboundTag, sync.UserId, uuid!, NodeConnections.VlessFlowOf(node), cancellationToken),
                cancellationToken);
        }
    }

    private async Task SyncHysteriaAsync(NodeUserSync sync, NodeState node, string? auth, CancellationToken cancellationToken)
    {
        if (node.Xray is { HysteriaInboundTag: { } tag })
        {
            var endpoint = NodeConnections.XrayEndpointOf(node);
            await SyncXrayMemberAsync(sync, endpoint, tag, auth,
                () => connections.Xray.AddHysteriaUserAsync(endpoint, tag, sync.UserId, auth!, cancellationToken),
                cancellationToken);
        }
        if (auth is null && node.Hysteria2 is { } hysteria)
        {
            // Hysteria2 asks our auth hook on every new connection; kicking closes the ones already open.
            await connections.Hysteria.KickAsync(new Uri(hysteria.StatsUrl), hysteria.StatsSecret, [sync.UserId], cancellationToken);
        }
    }

    /// <summary>Removes a user the node must not have, or holds with an old credential; adds it when it belongs.</summary>
    private async Task SyncXrayMemberAsync(
        NodeUserSync sync, Integrations.Xray.XrayEndpoint endpoint, string inboundTag, string? credential, Func<Task> add, CancellationToken cancellationToken)
    {
        var held = await NodeMembership.MemberCredentialAsync(dataSource, sync.NodeId, sync.Protocol, sync.UserId, cancellationToken);
        if (credential is null || (held is not null && held != credential))
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

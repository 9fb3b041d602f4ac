using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Grains.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AnomalyConnect.Grains.Nodes.Handlers;

/// <summary>
/// Rebuilds a node from the grains (the grains are the truth, the node a cache): first gives a place to active
/// users that have none for its protocols, then adds every user that belongs on the node and removes every user
/// we once gave it that no longer does.
/// </summary>
internal sealed partial class NodeResyncHandler(
    NodeConnections connections,
    NpgsqlDataSource dataSource,
    NodeCatalog catalog,
    IGrainFactory grains,
    IOptions<NodeOptions> options,
    ILogger<NodeResyncHandler> logger) : IOutboxHandler
{
    public string Kind => OutboxKinds.NodeResync;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var resync = message.Read<NodeResync>();
        var node = await connections.ReadAsync(resync.NodeId, cancellationToken);
        if (node is null || node.Health is NodeHealth.Unhealthy or NodeHealth.Draining)
        {
            return;
        }
        await PlaceUnplacedUsersAsync(node, cancellationToken);
        if (node.Xray is { } xray)
        {
            var endpoint = NodeConnections.XrayEndpointOf(node);
            var flow = NodeConnections.VlessFlowOf(node);
            await ResyncXrayAsync(resync.NodeId, ProtocolNames.Vless, endpoint, xray.InboundTag,
                (member, token) => connections.Xray.AddVlessUserAsync(endpoint, xray.InboundTag, member.UserId, member.Credential, flow, token),
                cancellationToken);
            if (xray.HysteriaInboundTag is { } hysteriaTag)
            {
                await ResyncXrayAsync(resync.NodeId, ProtocolNames.Hysteria2, endpoint, hysteriaTag,
                    (member, token) => connections.Xray.AddHysteriaUserAsync(endpoint, hysteriaTag, member.UserId, member.Credential, token),
                    cancellationToken);
            }
        }
        LogResynced(logger, resync.NodeId, resync.Reason);
    }

    private async Task ResyncXrayAsync(
        string nodeId, string protocol, Integrations.Xray.XrayEndpoint endpoint, string inboundTag,
        Func<DesiredMember, CancellationToken, Task> add, CancellationToken cancellationToken)
    {
        var desired = await NodeMembership.DesiredAsync(dataSource, nodeId, protocol, catalog.Mode, cancellationToken);
        var members = await NodeMembership.MembersAsync(dataSource, nodeId, protocol, cancellationToken);
        var desiredIds = desired.Select(d => d.UserId).ToHashSet(StringComparer.Ordinal);
        var stale = members.Keys.Where(id => !desiredIds.Contains(id)).ToList();
        var replaced = desired.Where(d => members.TryGetValue(d.UserId, out var held) && held != d.Credential).Select(d => d.UserId).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ResyncParallelism, CancellationToken = cancellationToken };

        await Parallel.ForEachAsync(stale.Concat(replaced), parallel,
            async (userId, token) => await connections.Xray.RemoveUserAsync(endpoint, inboundTag, userId, token));
        await NodeMembership.RecordAsync(dataSource, nodeId, protocol, [], stale, cancellationToken);
        await Parallel.ForEachAsync(desired, parallel, async (member, token) => await add(member, token));
        await NodeMembership.RecordAsync(dataSource, nodeId, protocol, desired, [], cancellationToken);
    }

    /// <summary>Users created while no node of a protocol was up get one now.</summary>
    private async Task PlaceUnplacedUsersAsync(NodeState node, CancellationToken cancellationToken)
    {
        if (catalog.Mode == PlacementMode.AllNodes)
        {
            return;
        }
        var unplaced = new List<string>();
        foreach (var protocol in Enum.GetValues<NodeProtocol>().Where(node.Serves))
        {
            await using var command = dataSource.CreateCommand(
                """
                SELECT g.grain_key FROM grain_state g
                WHERE g.grain_type = 'user' AND g.state->>'status' IN ('active', 'on_hold')
                  AND NOT EXISTS (SELECT 1 FROM user_placements p WHERE p.user_id = g.grain_key AND p.protocol = $1)
                """);
            command.Parameters.Add(new() { Value = ProtocolNames.Of(protocol) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                unplaced.Add(reader.GetString(0));
            }
        }
        await Parallel.ForEachAsync(unplaced.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (userId, _) => await grains.GetGrain<IUserGrain>(userId).ApplyAsync(new UserAction.EnsurePlaced()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} resynced ({Reason})")]
    private static partial void LogResynced(ILogger logger, string nodeId, string reason);
}

using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Nodes.Handlers;

/// <summary>
/// Moves every user placed on a failed or draining node to the least-loaded healthy one, each in its own user
/// turn; for a drained node, then takes its users off it (where it still answers) and deletes it.
/// </summary>
internal sealed class NodeEvacuateHandler(NpgsqlDataSource dataSource, IGrainFactory grains, NodeConnections connections) : IOutboxHandler
{
    public string Kind => OutboxKinds.NodeEvacuate;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var evacuate = message.Read<NodeEvacuate>();
        var node = await connections.ReadAsync(evacuate.NodeId, cancellationToken);
        if (node is null)
        {
            return;
        }
        if (!evacuate.ThenRemove && node.Health != NodeHealth.Unhealthy)
        {
            return; // it recovered before we got here
        }
        var placed = await PlacedUsersAsync(evacuate.NodeId, cancellationToken);
        await Parallel.ForEachAsync(placed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (userId, _) => await grains.GetGrain<IUserGrain>(userId).ApplyAsync(new UserAction.MoveOffNode(evacuate.NodeId)));
        if (evacuate.ThenRemove)
        {
            await TakeEveryoneOffAsync(evacuate.NodeId, node, cancellationToken);
            await grains.GetGrain<INodeGrain>(evacuate.NodeId).RemoveAsync();
        }
    }

    private async Task<IReadOnlyList<string>> PlacedUsersAsync(string nodeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT user_id FROM user_placements WHERE node_id = $1");
        command.Parameters.Add(new() { Value = nodeId });
        var users = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(reader.GetString(0));
        }
        return users;
    }

    /// <summary>Best effort: a drained node that no longer answers keeps its users, but it receives no one any more.</summary>
    private async Task TakeEveryoneOffAsync(string nodeId, NodeState node, CancellationToken cancellationToken)
    {
        if (node.Xray is not { } xray)
        {
            return;
        }
        var members = await NodeMembership.MembersAsync(dataSource, nodeId, Users.ProtocolNames.Vless, cancellationToken);
        var endpoint = NodeConnections.XrayEndpointOf(node);
        try
        {
            await Parallel.ForEachAsync(members.Keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (userId, token) => await connections.Xray.RemoveUserAsync(endpoint, xray.InboundTag, userId, token));
        }
        catch (Exception exception) when (exception is HttpRequestException or Integrations.Xray.XrayApiException or OperationCanceledException)
        {
            // The node is gone or unreachable; its record is removed all the same.
        }
    }
}

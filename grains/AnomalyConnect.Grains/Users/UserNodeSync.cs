using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Users;

/// <summary>
/// Queues, in the user's turn, a sync for every node whose view of the user may have changed. The sync is
/// converging (it re-reads the grain and adds, replaces or removes), so sending one too many is harmless.
/// </summary>
internal static class UserNodeSync
{
    public static void Queue(GrainTurn<UserState> turn, UserSnapshot before, UserState? after)
    {
        var afterSnapshot = after is null ? null : UserSnapshot.Of(after);
        var nodes = before.Placements.Concat(afterSnapshot?.Placements ?? []).Distinct();
        foreach (var placement in nodes)
        {
            var changed = afterSnapshot is null
                || before.OnNodes != afterSnapshot.OnNodes
                || before.Credentials != afterSnapshot.Credentials
                || before.Placements.Contains(placement) != afterSnapshot.Placements.Contains(placement);
            if (changed)
            {
                var protocol = ProtocolNames.Of(placement.Protocol);
                turn.Send(OutboxKinds.NodeUserSync, OutboxKinds.NodeUserPartition(placement.NodeId, protocol, turn.Key),
                    new NodeUserSync(placement.NodeId, protocol, turn.Key));
            }
        }
    }
}

/// <summary>What of a user its turn compares before and after: what matters to its nodes, and its secondary keys.</summary>
internal sealed record UserSnapshot(bool OnNodes, string Credentials, IReadOnlyList<UserPlacement> Placements, IReadOnlyDictionary<string, string?> Keys)
{
    public static UserSnapshot Empty { get; } = new(false, "", [], new Dictionary<string, string?>());

    public static UserSnapshot Of(UserState state) => new(
        UserStatusRules.BelongsOnNodes(state.Status),
        $"{state.VlessUuid}/{state.Hysteria2Auth}",
        [.. state.Placements],
        UserIndexes.Of(state));
}

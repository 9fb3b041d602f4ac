namespace AnomalyConnect.Contracts.Nodes;

/// <summary>Lists nodes with their load.</summary>
public interface INodeDirectory
{
    /// <summary>Every node with its active users counted: a scan of every placement, so not for hot paths.</summary>
    Task<IReadOnlyList<NodeSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every node without its load: one read of the nodes' own states.</summary>
    Task<IReadOnlyList<NodeView>> ListNodesAsync(CancellationToken cancellationToken);
}

/// <summary>A node and how many active users are placed on it.</summary>
public sealed record NodeSummary(NodeView Node, long ActiveUsers, double Load);

namespace AnomalyConnect.Contracts.Nodes;

/// <summary>Lists nodes with their load.</summary>
public interface INodeDirectory
{
    Task<IReadOnlyList<NodeSummary>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A node and how many active users are placed on it.</summary>
public sealed record NodeSummary(NodeView Node, long ActiveUsers, double Load);

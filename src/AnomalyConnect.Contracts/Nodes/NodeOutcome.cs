namespace AnomalyConnect.Contracts.Nodes;

public enum NodeOutcome
{
    Done,
    NotFound,
    AlreadyExists,
    Invalid,
}

public sealed record NodeResult(NodeOutcome Outcome, NodeView? Node, string? Error = null);

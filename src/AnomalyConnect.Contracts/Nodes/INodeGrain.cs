using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Nodes;

/// <summary>A node: its endpoints, health and last-seen counters; polls it, pushes users to it, resyncs it.</summary>
public interface INodeGrain : IGrain
{
    /// <summary>Registers the node (or updates its definition) and starts polling it.</summary>
    Task<NodeResult> RegisterAsync(NodeDefinition definition);

    Task<NodeView?> GetAsync();

    /// <summary>Records a probe: health, and traffic deltas counted exactly once onto users.</summary>
    Task<NodeResult> ApplyProbeAsync(NodeProbe probe);

    /// <summary>Stops placing users here, moves its users away, then removes the node.</summary>
    Task<NodeResult> DrainAsync();

    /// <summary>Asks for a full resync: every user it should have is added, every other removed.</summary>
    Task<NodeResult> RequestResyncAsync();

    /// <summary>The secret the node's Hysteria2 must put in its auth-hook URL (for the operator who sets the node up).</summary>
    Task<string?> GetAuthHookSecretAsync();

    /// <summary>The secrets the node's server configs carry (for config downloads by an admin), or null when there is no such node.</summary>
    Task<NodeSecrets?> GetSecretsAsync();

    /// <summary>Deletes a drained node once no user is placed on it.</summary>
    Task<NodeResult> RemoveAsync();

    /// <summary>Answers Hysteria2's auth hook: the node's secret (compared in constant time) and a user allowed here.</summary>
    Task<Hysteria2AuthDecision> AuthorizeHysteria2Async(string nodeSecret, string auth);
}

namespace AnomalyConnect.Grains.Nodes;

/// <summary>How nodes are watched and how users are spread over them.</summary>
public sealed class NodeOptions
{
    public const string SectionName = "Nodes";

    /// <summary>How often each node is probed (health, uptime, traffic counters).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often a healthy Xray node is asked its core's uptime between two polls, so that a restarted core (which
    /// has lost every user) is noticed and resynced within seconds rather than at the next poll. Heartbeats are off
    /// when this is not shorter than <see cref="PollInterval"/>.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(3);

    public bool HeartbeatsEnabled => HeartbeatInterval > TimeSpan.Zero && HeartbeatInterval < PollInterval;

    /// <summary>How long one probe may take before the node counts as not answering.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed probes in a row after which the node is unhealthy and its users move away.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>LeastLoaded puts each user on one node per protocol; AllNodes puts every user on every node.</summary>
    public PlacementMode Placement { get; set; } = PlacementMode.LeastLoaded;

    /// <summary>How many users a resync pushes at once.</summary>
    public int ResyncParallelism { get; set; } = 16;
}

public enum PlacementMode
{
    LeastLoaded,
    AllNodes,
}

namespace AnomalyConnect.Contracts.Nodes;

public enum NodeHealth
{
    /// <summary>Registered, not checked yet.</summary>
    Unknown,
    Healthy,
    Unhealthy,
    /// <summary>Being removed: takes no new users, its users are moving away.</summary>
    Draining,
}

namespace AnomalyConnect.Grains.Messages;

/// <summary>Give the node every user it should have and take away every other.</summary>
public sealed record NodeResync(string NodeId, string Reason);

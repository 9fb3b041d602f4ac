namespace AnomalyConnect.Contracts.Users;

/// <summary>A node a user is on, for one protocol.</summary>
public sealed record UserPlacement(NodeProtocol Protocol, string NodeId);

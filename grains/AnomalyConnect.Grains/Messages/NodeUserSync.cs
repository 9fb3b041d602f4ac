namespace AnomalyConnect.Grains.Messages;

/// <summary>Make the node agree with the user grain about this user: add, replace or remove (and kick).</summary>
public sealed record NodeUserSync(string NodeId, string Protocol, string UserId);

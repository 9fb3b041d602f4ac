namespace AnomalyConnect.Grains.Messages;

/// <summary>Move every user placed on the node elsewhere; when <paramref name="ThenRemove"/>, delete the node after.</summary>
public sealed record NodeEvacuate(string NodeId, bool ThenRemove);

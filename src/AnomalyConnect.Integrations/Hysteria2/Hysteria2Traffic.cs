namespace AnomalyConnect.Integrations.Hysteria2;

/// <summary>A client's cumulative bytes as Hysteria2 counts them: <c>Tx</c> = client upload, <c>Rx</c> = client download.</summary>
public sealed record Hysteria2Traffic(long Tx, long Rx);

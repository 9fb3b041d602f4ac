namespace AnomalyConnect.Contracts.Runtime;

/// <summary>Tells whether the state store answers, for readiness checks.</summary>
public interface IReadinessProbe
{
    /// <summary>True when the state store answered a trivial query within the token's time.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}

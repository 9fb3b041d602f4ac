namespace AnomalyConnect.Contracts.Runtime;

/// <summary>
/// Configuration that cannot work, found while composing the host. The silo prints each sentence and exits
/// instead of starting half-configured.
/// </summary>
public sealed class ConfigurationProblemException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

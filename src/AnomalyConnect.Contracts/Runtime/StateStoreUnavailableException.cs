namespace AnomalyConnect.Contracts.Runtime;

/// <summary>The state store could not be reached; the call changed nothing and may be retried.</summary>
public sealed class StateStoreUnavailableException(string message, Exception innerException)
    : Exception(message, innerException);

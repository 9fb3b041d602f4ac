namespace AnomalyConnect.Contracts.Runtime;

/// <summary>Thrown by a handler when retrying can never succeed; the entry moves to the dead-letter table.</summary>
public sealed class PermanentDeliveryFailureException(string message, Exception? innerException = null)
    : Exception(message, innerException);

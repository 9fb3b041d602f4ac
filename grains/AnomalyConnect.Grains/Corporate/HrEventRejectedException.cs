namespace AnomalyConnect.Grains.Corporate;

/// <summary>An HR event that cannot be applied; thrown inside the turn so that its dedupe record rolls back too.</summary>
internal sealed class HrEventRejectedException(string message) : Exception(message);

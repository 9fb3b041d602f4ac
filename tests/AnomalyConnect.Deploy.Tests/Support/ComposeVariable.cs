namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>A variable a compose file interpolates, and whether it has a default when unset.</summary>
public sealed record ComposeVariable(string Name, bool HasFallback);

namespace AnomalyConnect.Contracts.Corporate;

public enum RegistryState
{
    /// <summary>Not in the registry.</summary>
    Unregistered,
    Registered,
    Revoked,
}

/// <summary>An employee id: its registry state, the user it holds, whether access is on, and the last HR event applied.</summary>
public sealed record EmployeeView(
    string EmployeeId,
    RegistryState Registry,
    string? UserId,
    bool IsActive,
    string? FullName,
    string? Email,
    long? TelegramId,
    DateTimeOffset? LastEventAt);

public enum EmployeeOutcome
{
    Done,
    Duplicate,
    Stale,
    NotRegistered,
    NotFound,
    Invalid,
}

/// <summary>The outcome, the employee afterwards, and a one-time activation code when one was issued.</summary>
public sealed record EmployeeResult(EmployeeOutcome Outcome, EmployeeView? Employee, string? ActivationCode = null, string? Error = null);

namespace AnomalyConnect.Contracts.Users;

/// <summary>How a call to a user grain ended; expected outcomes are values, not exceptions.</summary>
public enum UserOutcome
{
    Done,
    Unchanged,
    NotFound,
    AlreadyExists,
    Invalid,
}

namespace AnomalyConnect.Contracts.Users;

/// <summary>The outcome of a user call and the user as it is afterwards (null when it does not exist).</summary>
public sealed record UserResult(UserOutcome Outcome, UserView? User, string? Error = null)
{
    public static UserResult NotFound { get; } = new(UserOutcome.NotFound, null);

    public static UserResult Invalid(string error) => new(UserOutcome.Invalid, null, error);
}

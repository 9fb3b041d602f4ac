namespace AnomalyConnect.Contracts.Admin;

/// <summary>How a login check ended; <see cref="LockedUntil"/> is set when the account refuses logins for now.</summary>
public sealed record AdminLoginResult(AdminLoginOutcome Outcome, DateTimeOffset? LockedUntil = null);

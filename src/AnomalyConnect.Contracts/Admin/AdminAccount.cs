namespace AnomalyConnect.Contracts.Admin;

/// <summary>An admin account as the UI lists it (no secrets).</summary>
public sealed record AdminAccount(string Login, bool TotpEnabled, DateTimeOffset CreatedAt, DateTimeOffset PasswordChangedAt, DateTimeOffset? LastLoginAt);

namespace AnomalyConnect.Contracts.Admin;

/// <summary>A live admin session: who, its CSRF token, and until when it is valid.</summary>
public sealed record AdminSession(string Login, string CsrfToken, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

namespace AnomalyConnect.Contracts.Admin;

/// <summary>
/// Logged-in admin UI sessions. The browser holds a random token; only its hash is stored. Each session has its own
/// CSRF token that every state-changing request must carry.
/// </summary>
public interface IAdminSessions
{
    Task<OpenedAdminSession> OpenAsync(string login, string? address, string? userAgent, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>The session a token belongs to, or null when it is unknown or expired.</summary>
    Task<AdminSession?> FindAsync(string token, CancellationToken cancellationToken);

    Task CloseAsync(string token, CancellationToken cancellationToken);

    /// <summary>Ends every session of a login (after a password change), except the one with <paramref name="keepToken"/>.</summary>
    Task CloseAllAsync(string login, string? keepToken, CancellationToken cancellationToken);
}

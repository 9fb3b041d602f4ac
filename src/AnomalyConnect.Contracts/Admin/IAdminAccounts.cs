namespace AnomalyConnect.Contracts.Admin;

/// <summary>
/// The people who may log in to the admin UI: logins with salted, slow password hashes and an optional second
/// factor (TOTP, RFC 6238). Secrets are compared in constant time and never logged.
/// </summary>
public interface IAdminAccounts
{
    /// <summary>On first run (no account at all) creates <paramref name="login"/> with <paramref name="password"/>; true when it did.</summary>
    Task<bool> EnsureFirstAccountAsync(string login, string password, CancellationToken cancellationToken);

    /// <summary>Checks a login, its password and (when the account has TOTP) the current code.</summary>
    Task<AdminLoginResult> VerifyAsync(string login, string password, string? totpCode, CancellationToken cancellationToken);

    Task<IReadOnlyList<AdminAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates an account; null when created, else a sentence saying why not.</summary>
    Task<string?> CreateAsync(string login, string password, CancellationToken cancellationToken);

    /// <summary>Changes a password after checking the current one; null when changed, else a sentence.</summary>
    Task<string?> ChangePasswordAsync(string login, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>Makes a new TOTP secret for the account, pending until <see cref="ConfirmTotpAsync"/> sees a valid code.</summary>
    Task<TotpEnrollment> StartTotpAsync(string login, string issuer, CancellationToken cancellationToken);

    /// <summary>Turns the pending secret on when the code is valid for it; false otherwise.</summary>
    Task<bool> ConfirmTotpAsync(string login, string code, CancellationToken cancellationToken);

    /// <summary>Turns TOTP off when the code is valid for the active secret; false otherwise.</summary>
    Task<bool> DisableTotpAsync(string login, string code, CancellationToken cancellationToken);
}

namespace AnomalyConnect.Contracts.Admin;

/// <summary>How a login attempt ended.</summary>
public enum AdminLoginOutcome
{
    Succeeded,
    /// <summary>Unknown login or wrong password (the two are not told apart).</summary>
    WrongCredentials,
    /// <summary>The password is right but the account has TOTP and no or a wrong code was given.</summary>
    WrongCode,
    /// <summary>Too many failures in a row; the account refuses logins until <see cref="AdminLoginResult.LockedUntil"/>.</summary>
    Locked,
}

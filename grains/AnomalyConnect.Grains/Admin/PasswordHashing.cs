using System.Globalization;
using System.Security.Cryptography;

namespace AnomalyConnect.Grains.Admin;

/// <summary>
/// Admin passwords as PBKDF2-HMAC-SHA256 with a random 128-bit salt, stored as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> (base64), so the work factor can be raised later without losing old hashes.
/// </summary>
public static class PasswordHashing
{
    public const int Iterations = 310_000;
    public const int MinLength = 12;
    public const int MaxLength = 1024;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private static readonly byte[] DummySalt = new byte[SaltBytes];

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="stored"/> was made from; constant time in where they differ.</summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            SpendTime(password);
            return false;
        }
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            SpendTime(password);
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Does the work of one verification, so that an unknown login takes as long to refuse as a wrong password.</summary>
    public static void SpendTime(string password) =>
        Rfc2898DeriveBytes.Pbkdf2(password, DummySalt, Iterations, HashAlgorithmName.SHA256, HashBytes);

    /// <summary>A sentence saying why a new password is not acceptable, or null.</summary>
    public static string? Check(string? password) => password switch
    {
        null or { Length: < MinLength } => $"The password must be at least {MinLength} characters.",
        { Length: > MaxLength } => $"The password may be at most {MaxLength} characters.",
        _ => null,
    };
}

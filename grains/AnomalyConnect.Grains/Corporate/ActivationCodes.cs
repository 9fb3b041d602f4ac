using System.Security.Cryptography;
using System.Text;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// One-time activation codes: 26 characters of a 32-symbol alphabet (130 bits), valid as a Telegram deep-link start
/// payload. Only their SHA-256 is stored, so reading the database does not reveal a usable code.
/// </summary>
internal static class ActivationCodes
{
    public const int Length = 26;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>People retype codes: case does not matter.</summary>
    public static string? Normalize(string? code) =>
        code?.Trim().ToLowerInvariant() is { Length: Length } normal && normal.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? normal : null;

    public static string Hash(string normalizedCode) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalizedCode)));

    public static bool Matches(string storedHash, string normalizedCode) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(normalizedCode)));
}

using System.Security.Cryptography;

namespace AnomalyConnect.Contracts.Users;

/// <summary>New opaque user ids: "u" and 20 base-32 characters (100 bits), safe in Xray e-mail fields and URLs.</summary>
public static class UserIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New() => "u" + RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>Whether a string can be a user id: letters, digits, '-', '_' and '.', 1 to 64 long.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

using System.Security.Cryptography;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>Config request ids: "cr_" and 26 base-32 characters (130 bits), unguessable since they travel in URLs.</summary>
internal static class ConfigRequestIds
{
    private const string Prefix = "cr_";
    private const int RandomLength = 26;
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    public static bool IsWellFormed(string? id) =>
        id is { Length: RandomLength + 3 } && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id[Prefix.Length..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}

using System.Security.Cryptography;
using System.Text;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>The secret Telegram sends with every webhook call, set by <c>setWebhook(secret_token)</c>.</summary>
public static class TelegramWebhookSecret
{
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    /// <summary>Whether the header value is the expected secret, in time that depends on neither value.</summary>
    public static bool Matches(string? presented, string expected)
    {
        if (presented is null || string.IsNullOrEmpty(expected))
        {
            return false;
        }
        // Hashing first gives both sides the same length, so not even the secret's length leaks through timing
        // (FixedTimeEquals returns at once on different lengths).
        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> expectedHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), expectedHash);
        return CryptographicOperations.FixedTimeEquals(presentedHash, expectedHash);
    }

    /// <summary>Telegram accepts 1–256 characters of A–Z, a–z, 0–9, <c>_</c> and <c>-</c>.</summary>
    public static bool IsValid(string? secret) =>
        secret is { Length: >= 1 and <= 256 } && secret.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    public static string Generate(int length = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 256);
        return RandomNumberGenerator.GetString(Alphabet, length);
    }
}

using System.Security.Cryptography;

namespace AnomalyConnect.Contracts.Payments;

/// <summary>
/// New payment ids: "p" and 24 base-32 characters (120 bits). A payment id is also YooKassa's Idempotence-Key and a
/// Telegram invoice payload, so it stays short and plain ASCII.
/// </summary>
public static class PaymentIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New() => "p" + RandomNumberGenerator.GetString(Alphabet, 24);

    /// <summary>Whether a string can be a payment id: letters, digits, '-', '_' and '.', 1 to 64 long.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

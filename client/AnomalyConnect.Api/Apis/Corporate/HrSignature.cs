using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary><c>X-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body with WEBHOOK_SECRET&gt;</c>, checked in constant time.</summary>
public static class HrSignature
{
    public const string HeaderName = "X-Signature";
    private const string Prefix = "sha256=";
    private const int HashBytes = 32;

    public static bool IsValid(string secret, string? header, ReadOnlySpan<byte> body)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var hex = header.AsSpan(Prefix.Length).Trim();
        Span<byte> presented = stackalloc byte[HashBytes];
        if (hex.Length != HashBytes * 2
            || Convert.FromHexString(hex, presented, out _, out var written) != OperationStatus.Done
            || written != HashBytes)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[HashBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>The header value for <paramref name="body"/> (for senders and tests).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}

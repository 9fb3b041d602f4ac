using System.Security.Cryptography;
using System.Text;

namespace AnomalyConnect.Api.Security;

/// <summary>Compares a presented secret with the expected one in time that does not depend on where they differ.</summary>
public static class SecretComparer
{
    public static bool Matches(string expected, string? presented)
    {
        if (presented is null)
        {
            return false;
        }
        // Hashing first makes the comparison length-independent too.
        var expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expectedHash, presentedHash);
    }
}

using System.Security.Cryptography;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Users;

/// <summary>Fresh credentials: a random VLESS UUID, and 32 base-62 characters (190 bits) for the rest.</summary>
internal static class UserCredentialFactory
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static UserCredentials Create() => new(
        Guid.NewGuid().ToString(),
        RandomNumberGenerator.GetString(Base62, 32),
        RandomNumberGenerator.GetString(Base62, 32));
}

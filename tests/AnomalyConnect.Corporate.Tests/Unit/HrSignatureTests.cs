using System.Security.Cryptography;
using System.Text;
using AnomalyConnect.Api.Apis.Corporate;

namespace AnomalyConnect.Corporate.Tests.Unit;

public sealed class HrSignatureTests
{
    private const string Secret = "webhook-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event_id":"e1","type":"employee.hired"}""");

    [Fact]
    public void IsValid_WhenTheHeaderIsTheHmacOfTheRawBody_IsTrue()
    {
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        Assert.True(HrSignature.IsValid(Secret, "sha256=" + hex, Body));
        Assert.True(HrSignature.IsValid(Secret, "sha256=" + hex.ToUpperInvariant(), Body));
        Assert.Equal("sha256=" + hex, HrSignature.Sign(Secret, Body));
    }

    [Fact]
    public void IsValid_WhenOneByteOfTheBodyChanged_IsFalse()
    {
        var signature = HrSignature.Sign(Secret, Body);
        var tampered = Body.ToArray();
        tampered[^2] ^= 1;

        Assert.False(HrSignature.IsValid(Secret, signature, tampered));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("sha256=zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void IsValid_WhenTheHeaderIsMissingOrMalformed_IsFalse(string? header)
    {
        Assert.False(HrSignature.IsValid(Secret, header, Body));
    }

    [Fact]
    public void IsValid_WhenSignedWithAnotherSecret_IsFalse()
    {
        Assert.False(HrSignature.IsValid(Secret, HrSignature.Sign("another-secret", Body), Body));
    }
}

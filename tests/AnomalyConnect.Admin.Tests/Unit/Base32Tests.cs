using System.Text;
using AnomalyConnect.Grains.Admin;

namespace AnomalyConnect.Admin.Tests.Unit;

public sealed class Base32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encode_WhenGivenTheRfc4648Vectors_WritesThemWithoutPadding(string text, string expected) =>
        Assert.Equal(expected, Base32.Encode(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData("MZXW6YTBOI", "foobar")]
    [InlineData("mzxw 6ytb oi", "foobar")]
    [InlineData("MZXW6YTBOI======", "foobar")]
    public void Decode_WhenGivenTypedKeys_IgnoresCaseSpacesAndPadding(string text, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(Base32.Decode(text)!));

    [Fact]
    public void Decode_WhenACharacterIsNotBase32_ReturnsNull() => Assert.Null(Base32.Decode("MZ1W"));
}

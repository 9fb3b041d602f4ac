using AnomalyConnect.Grains.Users;

namespace AnomalyConnect.Grains.Tests.Users;

public sealed class PackedTextTests
{
    [Theory]
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRSTUV")]
    [InlineData("WXYZabcdefghijklmnopqrstuvwxyz00")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("00000000000000000000000000000000")]
    public void Of_ABase62TextOf32Characters_IsPackedAndGivesTheSameTextBack(string text)
    {
        var packed = PackedText.Of(text);

        Assert.True(packed.IsPacked);
        Assert.Equal(text, packed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRSTU")]
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRSTUVW")]
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRST-_")]
    [InlineData("6f1c2d4e-8a9b-4c3d-9e1f-0a2b3c4d")]
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRSTUé")]
    public void Of_AnyOtherText_KeepsItAsItsString(string text)
    {
        var packed = PackedText.Of(text);

        Assert.False(packed.IsPacked);
        Assert.Equal(text, packed.ToString());
    }

    [Fact]
    public void Equals_TextsThatAreEqual_GiveEqualValuesWithEqualHashes()
    {
        var token = "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF";
        var other = new string(token.ToCharArray());

        Assert.Equal(PackedText.Of(token), PackedText.Of(other));
        Assert.Equal(PackedText.Of(token).GetHashCode(), PackedText.Of(other).GetHashCode());
        Assert.Equal(PackedText.Of("short-token"), PackedText.Of("short-token"));
    }

    [Fact]
    public void Equals_TextsThatDifferInOneCharacter_GiveDifferentValues()
    {
        var token = "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF";
        var values = new HashSet<PackedText>();
        for (var i = 0; i < token.Length; i++)
        {
            var changed = token.ToCharArray();
            changed[i] = changed[i] == 'x' ? 'y' : 'x';
            Assert.True(values.Add(PackedText.Of(new string(changed))));
        }

        Assert.DoesNotContain(PackedText.Of(token), values);
    }

    [Fact]
    public void Default_IsNotEqualToAnyText()
    {
        Assert.NotEqual(default, PackedText.Of("00000000000000000000000000000000"));
        Assert.NotEqual(default, PackedText.Of(""));
    }
}

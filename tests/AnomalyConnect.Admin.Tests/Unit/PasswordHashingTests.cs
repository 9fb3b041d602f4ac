using AnomalyConnect.Grains.Admin;

namespace AnomalyConnect.Admin.Tests.Unit;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Hash_WhenMade_IsPbkdf2Sha256WithAtLeast100kIterationsAndASalt()
    {
        var hash = PasswordHashing.Hash("correct horse battery staple");
        var parts = hash.Split('$');

        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 100_000);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.NotEqual(hash, PasswordHashing.Hash("correct horse battery staple"));
    }

    [Fact]
    public void Verify_WhenThePasswordIsRight_Accepts() =>
        Assert.True(PasswordHashing.Verify("correct horse battery staple", PasswordHashing.Hash("correct horse battery staple")));

    [Theory]
    [InlineData("correct horse battery stapl")]
    [InlineData("Correct horse battery staple")]
    [InlineData("")]
    public void Verify_WhenThePasswordIsWrong_Refuses(string password) =>
        Assert.False(PasswordHashing.Verify(password, PasswordHashing.Hash("correct horse battery staple")));

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64$AAAA")]
    public void Verify_WhenTheStoredHashIsMalformed_Refuses(string stored) => Assert.False(PasswordHashing.Verify("anything", stored));

    [Fact]
    public void Check_WhenThePasswordIsShort_SaysHowLongItMustBe() =>
        Assert.Equal("The password must be at least 12 characters.", PasswordHashing.Check("short"));
}

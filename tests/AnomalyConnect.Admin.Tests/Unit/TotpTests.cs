using System.Text;
using AnomalyConnect.Grains.Admin;

namespace AnomalyConnect.Admin.Tests.Unit;

public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1 key.
    private static readonly byte[] Rfc6238Key = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(1111111111, "14050471")]
    [InlineData(1234567890, "89005924")]
    [InlineData(2000000000, "69279037")]
    [InlineData(20000000000, "65353130")]
    public void Code_WhenGivenTheRfc6238Vectors_MatchesThem(long unixSeconds, string expected)
    {
        var step = Totp.StepOf(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, Totp.Code(Rfc6238Key, step, digits: 8));
        Assert.Equal(expected[2..], Totp.Code(Rfc6238Key, step));
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(0)]
    [InlineData(30)]
    public void Match_WhenTheCodeIsOneStepAwayOrCurrent_AcceptsIt(int offsetSeconds)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_015);
        var code = Totp.Code(Rfc6238Key, Totp.StepOf(now.AddSeconds(offsetSeconds)));

        Assert.Equal(Totp.StepOf(now.AddSeconds(offsetSeconds)), Totp.Match(Rfc6238Key, code, now, lastUsedStep: null));
    }

    [Fact]
    public void Match_WhenTheCodeIsTwoStepsOld_RefusesIt()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_015);
        var code = Totp.Code(Rfc6238Key, Totp.StepOf(now) - 2);

        Assert.Null(Totp.Match(Rfc6238Key, code, now, lastUsedStep: null));
    }

    [Fact]
    public void Match_WhenTheStepWasUsedBefore_RefusesTheReplay()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_015);
        var step = Totp.StepOf(now);
        var code = Totp.Code(Rfc6238Key, step);

        Assert.Null(Totp.Match(Rfc6238Key, code, now, lastUsedStep: step));
        Assert.Equal(step + 1, Totp.Match(Rfc6238Key, Totp.Code(Rfc6238Key, step + 1), now, lastUsedStep: step));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Match_WhenTheCodeIsNotSixDigits_RefusesIt(string? code) =>
        Assert.Null(Totp.Match(Rfc6238Key, code, DateTimeOffset.FromUnixTimeSeconds(59), null));

    [Fact]
    public void Match_WhenTheCodeHasSpaces_ReadsTheDigits()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(59);

        Assert.NotNull(Totp.Match(Rfc6238Key, "287 082", now, null));
    }

    [Fact]
    public void OtpAuthUri_WhenMade_CarriesIssuerAccountAndParameters() =>
        Assert.Equal("otpauth://totp/Anomaly%20Connect:admin?secret=ABC&issuer=Anomaly%20Connect&algorithm=SHA1&digits=6&period=30",
            Totp.OtpAuthUri("Anomaly Connect", "admin", "ABC"));
}

using AnomalyConnect.Bot.Keyboards;

namespace AnomalyConnect.Bot.Tests.Unit;

public sealed class CallbackDataTests
{
    [Fact]
    public void Encode_ThenParse_GivesTheSameData()
    {
        var data = new CallbackData(CallbackData.Config, CallbackData.ApproveConfig, "cr_abc:def");

        Assert.Equal(data, CallbackData.Parse(data.Encode()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("t:")]
    [InlineData("p::x")]
    [InlineData("a\u0001")]
    [InlineData("m:'; DROP TABLE users;--\u0000")]
    public void Parse_Garbage_IsNull(string? data) => Assert.Null(CallbackData.Parse(data));

    [Fact]
    public void Parse_MoreThanTelegramsSixtyFourBytes_IsNull() =>
        Assert.Null(CallbackData.Parse("t:" + new string('я', 40)));

    [Fact]
    public void Encode_WhenTooLongForTelegram_IsNullSoTheButtonIsLeftOut() =>
        Assert.Null(new CallbackData(CallbackData.Tariff, new string('x', 70)).Encode());
}

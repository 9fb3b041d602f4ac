using AnomalyConnect.Bot.Updates;

namespace AnomalyConnect.Bot.Tests.Unit;

public sealed class BotCommandTests
{
    [Theory]
    [InlineData("/start", "start", "")]
    [InlineData("/START ref_1", "start", "ref_1")]
    [InlineData("/start@anomaly_test_bot abc", "start", "abc")]
    [InlineData("/broadcast all line one\nline two", "broadcast", "all line one\nline two")]
    [InlineData("/reg_add  E-1 ", "reg_add", "E-1")]
    public void Parse_ACommand_SplitsNameAndArguments(string text, string name, string arguments)
    {
        var command = BotCommand.Parse(text);

        Assert.Equal(new BotCommand(name, arguments), command);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("/")]
    [InlineData("/ start")]
    [InlineData("/стоп")]
    [InlineData("/a-b")]
    public void Parse_NotACommand_IsNull(string text) => Assert.Null(BotCommand.Parse(text));
}

using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Contracts.Notifications;

namespace AnomalyConnect.Bot.Tests.Unit;

public sealed class BotTextsTests
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("EN", true)]
    [InlineData("ru", false)]
    [InlineData("uk", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void For_ALanguageCode_IsEnglishOnlyForEnglish(string? code, bool english) =>
        Assert.Equal(english, BotTexts.For(code).IsEnglish);

    [Theory]
    [InlineData(1, "1 день")]
    [InlineData(2, "2 дня")]
    [InlineData(5, "5 дней")]
    [InlineData(11, "11 дней")]
    [InlineData(21, "21 день")]
    [InlineData(30, "30 дней")]
    public void RussianDays_AreDeclinedByNumber(int days, string expected) =>
        Assert.Contains(expected, BotTexts.Russian.ButtonExtend(days), StringComparison.Ordinal);

    [Theory]
    [InlineData(0, "0 Б", "0 B")]
    [InlineData(1536, "1.5 КБ", "1.5 KB")]
    [InlineData(10L << 30, "10 ГБ", "10 GB")]
    public void Bytes_AreShownInTheLargestWholeUnit(long bytes, string russian, string english)
    {
        Assert.Equal(russian, BotTexts.Russian.Bytes(bytes));
        Assert.Equal(english, BotTexts.English.Bytes(bytes));
    }

    [Fact]
    public void Welcome_EscapesANameThatLooksLikeHtml()
    {
        var text = BotTexts.Russian.Welcome("<b>Eve</b> & co");

        Assert.Contains("&lt;b&gt;Eve&lt;/b&gt; &amp; co", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Notification_OfEveryKind_HasATextInBothLanguages()
    {
        foreach (var kind in Enum.GetValues<UserNotificationKind>())
        {
            var notification = new UserNotification("u1", 1, kind, DateTimeOffset.UnixEpoch, 1L << 30, 1L << 29);
            Assert.False(string.IsNullOrWhiteSpace(BotTexts.Russian.Notification(notification)));
            Assert.False(string.IsNullOrWhiteSpace(BotTexts.English.Notification(notification)));
            Assert.NotEqual(BotTexts.Russian.Notification(notification), BotTexts.English.Notification(notification));
        }
    }

    [Fact]
    public void Date_IsUtcInEachLanguagesOrder()
    {
        var at = new DateTimeOffset(2025, 3, 9, 17, 5, 0, TimeSpan.FromHours(3));

        Assert.Equal("09.03.2025 14:05 UTC", BotTexts.Russian.Date(at));
        Assert.Equal("2025-03-09 14:05 UTC", BotTexts.English.Date(at));
    }
}

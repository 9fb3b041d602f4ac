using System.Globalization;
using System.Text.Json.Nodes;
using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class RobustnessTests(SharedSiloFixture fixture)
{
    private BotSilo Silo => fixture.Silo;

    [Fact]
    public async Task Reply_WhenTelegramAnswers429_IsSentAgainNoSoonerThanRetryAfter()
    {
        var user = TelegramUser.New(Silo.Telegram);
        Silo.Telegram.RateLimitNext("sendMessage", count: 1, retryAfterSeconds: 2);

        user.Command("/start");
        await Silo.Telegram.WaitForCallAsync("sendMessage", call => call.ChatId == user.ChatId && call.StatusCode == 429, TimeSpan.FromSeconds(15));
        var refusedAt = DateTimeOffset.UtcNow;
        var menu = (await user.MessagesAsync(1))[0];

        Assert.True(DateTimeOffset.UtcNow - refusedAt >= TimeSpan.FromSeconds(1.9),
            $"Sent again after {(DateTimeOffset.UtcNow - refusedAt).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s; Telegram asked for 2 s.");
        Assert.Contains("Привет", menu.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_WhenTelegramFailsWithA5xx_IsNotLost()
    {
        var user = TelegramUser.New(Silo.Telegram);
        Silo.Telegram.FailNext("sendMessage", count: 2, errorCode: 502, description: "Bad Gateway");

        user.Command("/start");

        var menu = (await user.MessagesAsync(1, TimeSpan.FromSeconds(30)))[0];
        Assert.Contains("Привет", menu.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloOutput_AfterTelegramFailures_NeverShowsTheBotToken()
    {
        var user = TelegramUser.New(Silo.Telegram);
        Silo.Telegram.FailNext("sendMessage", count: 2, errorCode: 500, description: "Internal Server Error: bot" + Silo.Telegram.Token + " failed");
        Silo.Telegram.FailNext("getUpdates", count: 1, errorCode: 502, description: "Bad Gateway");

        user.Command("/start");
        await user.MessagesAsync(1, TimeSpan.FromSeconds(30));

        var secretPart = Silo.Telegram.Token[(Silo.Telegram.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.Contains("Internal Server Error", Silo.Silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secretPart, Silo.Silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedeliveredUpdate_IsProcessedOnce()
    {
        var user = TelegramUser.New(Silo.Telegram);
        var update = FakeTelegramUpdates.Command(user.ChatId, "/start");
        update["update_id"] = 990_000_000_000 + user.ChatId;
        var json = update.ToJsonString();

        var first = await Silo.Inbox.AdmitAsync(json, CancellationToken.None);
        var again = await Silo.Inbox.AdmitAsync(json, CancellationToken.None);
        await user.MessagesAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(InboxAdmission.Admitted, first);
        Assert.Equal(InboxAdmission.Duplicate, again);
        Assert.Single(user.Messages);
        Assert.True(await Eventually.TrueAsync(() => Silo.Inbox.IsProcessedAsync(990_000_000_000 + user.ChatId, CancellationToken.None), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Garbage_IsAnsweredPolitelyAndTheBotKeepsWorking()
    {
        var user = TelegramUser.New(Silo.Telegram);

        user.Send(Sticker(user.ChatId));
        user.Say(new string('я', 100_000));
        user.Press("zz:\u0001';DROP TABLE users;--", messageId: 1);
        user.Press(new string('x', 300), messageId: 1);
        user.Command("/frobnicate");
        Silo.Telegram.EnqueueUpdate(FakeTelegramUpdates.Raw("message", new JsonObject { ["chat"] = "not an object", ["date"] = "yesterday" }));
        user.Command("/start");
        var messages = await user.MessagesAsync(6, TimeSpan.FromSeconds(30));

        Assert.Contains("понимаю команды и кнопки", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("слишком длинное", messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Главное меню", messages[2].Text, StringComparison.Ordinal);
        Assert.Contains("Главное меню", messages[3].Text, StringComparison.Ordinal);
        Assert.Contains("Такой команды я не знаю", messages[4].Text, StringComparison.Ordinal);
        Assert.Contains("Привет", messages[5].Text, StringComparison.Ordinal);
        var outdated = Silo.Telegram.CallsTo("answerCallbackQuery").Where(c => c.Parameters["text"]?.GetValue<string>() == "Эта кнопка устарела.").ToList();
        Assert.True(outdated.Count >= 2);
        Assert.DoesNotContain("яяяя", string.Join("", messages.Select(m => m.Text)), StringComparison.Ordinal);
    }

    private static JsonObject Sticker(long chatId)
    {
        var update = FakeTelegramUpdates.Text(chatId, "unused");
        var message = update["message"]!.AsObject();
        message.Remove("text");
        message["sticker"] = new JsonObject { ["file_id"] = "CAACAgIAAxk", ["emoji"] = "🙂", ["width"] = 512, ["height"] = 512 };
        return update;
    }
}

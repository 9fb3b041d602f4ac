using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class ConversationTests(SharedSiloFixture fixture)
{
    private BotSilo Silo => fixture.Silo;

    [Fact]
    public async Task Start_ThenTrialFromTheMenu_RegistersTheUserAndSendsTheLinkAndItsQrCode()
    {
        var user = TelegramUser.New(Silo.Telegram, firstName: "Анна");

        user.Command("/start");
        var menu = (await user.MessagesAsync(1))[0];

        Assert.Contains("Анна", menu.Text, StringComparison.Ordinal);
        Assert.Contains("tr", menu.CallbackData);
        Assert.Contains("a", menu.CallbackData);
        var registered = await Silo.UserOfAsync(user.ChatId);
        Assert.NotNull(registered);
        Assert.Equal(UserStatus.Expired, registered.Status);

        user.Press("tr", menu.MessageId!.Value);
        var messages = await user.MessagesAsync(3);

        var link = $"{BotSilo.AppUrl}/sub/{registered.Credentials.SubscriptionToken}";
        Assert.Equal("sendMessage", messages[1].Method);
        Assert.Contains(link, messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Пробный период", messages[1].Text, StringComparison.Ordinal);
        Assert.Equal("sendPhoto", messages[2].Method);
        Assert.True(Png.IsPng(messages[2].Files["photo"].Content));
        Assert.Contains(link, messages[2].Text, StringComparison.Ordinal);
        var trial = await Silo.UserOfAsync(user.ChatId);
        Assert.Equal(UserStatus.Active, trial!.Status);
        Assert.InRange(trial.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddDays(BotSilo.TrialDays).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(BotSilo.TrialDays).AddMinutes(5));
        Assert.NotEmpty(Silo.Telegram.CallsTo("answerCallbackQuery"));
    }

    [Fact]
    public async Task MyAccess_AfterTheTrial_ShowsStatusExpiryTrafficAndLinkInPlaceOfTheMenu()
    {
        var user = TelegramUser.New(Silo.Telegram);
        user.Command("/start");
        var menu = (await user.MessagesAsync(1))[0];
        user.Press("tr", menu.MessageId!.Value);
        await user.MessagesAsync(3);

        user.Press("a", menu.MessageId!.Value);
        var access = await user.EditAsync(call => call.Text!.Contains("/sub/", StringComparison.Ordinal));

        Assert.Equal(menu.MessageId, access.MessageId);
        Assert.Contains("активен", access.Text, StringComparison.Ordinal);
        Assert.Contains("Действует до", access.Text, StringComparison.Ordinal);
        Assert.Contains("Трафик", access.Text, StringComparison.Ordinal);
        Assert.Contains("q", access.CallbackData);

        user.Press("q", menu.MessageId!.Value);
        var qr = await user.NextMessageAsync();
        Assert.Equal("sendPhoto", qr.Method);
    }

    [Fact]
    public async Task Start_FromAnEnglishTelegram_AnswersInEnglish()
    {
        var user = TelegramUser.New(Silo.Telegram, language: "en", firstName: "Ann");

        user.Command("/start");
        var menu = (await user.MessagesAsync(1))[0];

        Assert.Contains("Hi, Ann!", menu.Text, StringComparison.Ordinal);
        Assert.Contains("🎁 Free trial", menu.ButtonTexts);
    }

    [Fact]
    public async Task Trial_TakenTwice_IsRefusedTheSecondTime()
    {
        var user = TelegramUser.New(Silo.Telegram);
        user.Command("/trial");
        await user.MessagesAsync(2);

        user.Command("/trial");
        var refusal = await user.NextMessageAsync();

        Assert.Contains("уже использован", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnInvitation_RecordsWhoInvitedANewUser()
    {
        var user = TelegramUser.New(Silo.Telegram);

        user.Command("/start", "ref_12345");
        await user.MessagesAsync(1);

        Assert.Equal("12345", (await Silo.ChatAsync(user.ChatId))!.Referrer);
    }

    [Fact]
    public async Task PromoCode_AskedForThenTyped_IsAnsweredInOrder()
    {
        var user = TelegramUser.New(Silo.Telegram);

        // Both updates are queued at once: the second is read as the promo code only if the first was processed first.
        user.Command("/promo");
        user.Say("NO-SUCH-CODE");
        var messages = await user.MessagesAsync(2);

        Assert.Contains("промокод", messages[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Такого промокода нет", messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instructions_AndSupport_AreShownFromTheirButtons()
    {
        var user = TelegramUser.New(Silo.Telegram);
        user.Command("/start");
        var menu = (await user.MessagesAsync(1))[0];

        user.Press("h:android", menu.MessageId!.Value);
        var instructions = await user.EditAsync(call => call.Text!.Contains("Android", StringComparison.Ordinal));
        user.Press("s", menu.MessageId!.Value);
        var support = await user.EditAsync(call => call.Text!.Contains("@anomaly_support", StringComparison.Ordinal));

        Assert.Contains("Google Play", instructions.Text, StringComparison.Ordinal);
        Assert.NotNull(support);
    }
}

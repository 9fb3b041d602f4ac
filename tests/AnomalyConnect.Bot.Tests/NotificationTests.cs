using System.Globalization;
using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Contracts.Notifications;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class NotificationTests(SharedSiloFixture fixture)
{
    private BotSilo Silo => fixture.Silo;

    [Fact]
    public async Task ExpiredUser_GetsTheReminderThatItsExpiryTimerQueues()
    {
        var user = TelegramUser.New(Silo.Telegram);
        var created = await Silo.CreateUserAsync(user.ChatId, days: 1);

        await Silo.Grains.GetGrain<IUserGrain>(created.UserId).ApplyAsync(new UserAction.SetExpiry(DateTimeOffset.UtcNow.AddSeconds(2)));
        var reminder = (await user.MessagesAsync(1, TimeSpan.FromSeconds(20)))[0];

        Assert.Contains("Срок доступа закончился", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("b", reminder.CallbackData);
        Assert.Equal(UserStatus.Expired, (await Silo.UserOfAsync(user.ChatId))!.Status);
    }

    [Fact]
    public async Task UserExpiringTomorrow_GetsTheOneDayReminder()
    {
        var user = TelegramUser.New(Silo.Telegram);
        var created = await Silo.CreateUserAsync(user.ChatId, days: 30);

        await Silo.Grains.GetGrain<IUserGrain>(created.UserId).ApplyAsync(new UserAction.SetExpiry(DateTimeOffset.UtcNow.AddDays(1).AddSeconds(2)));
        var reminder = (await user.MessagesAsync(1, TimeSpan.FromSeconds(20)))[0];

        Assert.Contains("закончится завтра", reminder.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserNotificationKind.ExpiresIn3Days, "через 3 дня")]
    [InlineData(UserNotificationKind.ExpiresIn1Day, "закончится завтра")]
    [InlineData(UserNotificationKind.Expired, "Срок доступа закончился")]
    [InlineData(UserNotificationKind.TrafficAt80Percent, "80 %")]
    [InlineData(UserNotificationKind.TrafficLimitReached, "Трафик исчерпан")]
    public async Task Notification_OfEachKind_IsSentWithItsText(UserNotificationKind kind, string expected)
    {
        var user = TelegramUser.New(Silo.Telegram);

        await OutboxRows.QueueAsync(Silo.Database, "user.notification", $"telegram:{user.ChatId}",
            new UserNotification("u-test", user.ChatId, kind, DateTimeOffset.UtcNow.AddDays(3), 10L << 30, 8L << 30));
        var message = (await user.MessagesAsync(1))[0];

        Assert.Contains(expected, message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notification_ToAChatThatBlockedTheBot_IsCompletedWithoutRetrying()
    {
        var user = TelegramUser.New(Silo.Telegram);
        Silo.Telegram.BlockChat(user.ChatId, queueUpdate: false);
        var partition = $"telegram:{user.ChatId}";

        await OutboxRows.QueueAsync(Silo.Database, "user.notification", partition,
            new UserNotification("u-test", user.ChatId, UserNotificationKind.Expired, DateTimeOffset.UtcNow, null, 0));
        Assert.True(await Eventually.TrueAsync(async () => (await OutboxRows.CountAsync(Silo.Database, partition)) == (0, 0), TimeSpan.FromSeconds(15)));
        Assert.True((await Silo.ChatAsync(user.ChatId))!.Blocked);

        // The chat is known to be blocked now: the next notification does not even try.
        await OutboxRows.QueueAsync(Silo.Database, "user.notification", partition,
            new UserNotification("u-test", user.ChatId, UserNotificationKind.Expired, DateTimeOffset.UtcNow, null, 0));
        Assert.True(await Eventually.TrueAsync(async () => (await OutboxRows.CountAsync(Silo.Database, partition)) == (0, 0), TimeSpan.FromSeconds(15)));
        Assert.Single(Silo.Telegram.CallsTo("sendMessage"), call => call.ChatId == user.ChatId);
    }

    [Fact]
    public async Task Notification_ToSomeoneWhoNeverStartedTheBot_IsCompletedAndTheChatMarked()
    {
        var user = TelegramUser.New(Silo.Telegram);
        var partition = $"telegram:{user.ChatId}";
        Silo.Telegram.FailNext("sendMessage", count: 1, errorCode: 403, description: "Forbidden: bot can't initiate conversation with a user");

        await OutboxRows.QueueAsync(Silo.Database, "user.notification", partition,
            new UserNotification("u-test", user.ChatId, UserNotificationKind.ExpiresIn1Day, DateTimeOffset.UtcNow.AddDays(1), null, 0));

        Assert.True(await Eventually.TrueAsync(async () => (await OutboxRows.CountAsync(Silo.Database, partition)) == (0, 0), TimeSpan.FromSeconds(15)));
        Assert.True((await Silo.ChatAsync(user.ChatId))!.Blocked);
        user.Command("/start");
        await user.MessagesAsync(1);
        Assert.False((await Silo.ChatAsync(user.ChatId))!.Blocked);
    }

    [Fact]
    public async Task Notification_ThatTelegramRefusesForGood_IsDeadLetteredNotRetriedForEver()
    {
        var user = TelegramUser.New(Silo.Telegram);
        var partition = $"telegram:{user.ChatId}";
        Silo.Telegram.FailNext("sendMessage", count: 1, errorCode: 400, description: "Bad Request: chat not found");

        await OutboxRows.QueueAsync(Silo.Database, "user.notification", partition,
            new UserNotification("u-test", user.ChatId, UserNotificationKind.Expired, DateTimeOffset.UtcNow, null, 0));

        Assert.True(await Eventually.TrueAsync(async () => (await OutboxRows.CountAsync(Silo.Database, partition)) == (0, 1), TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Chat_BlockedThenUnblocked_IsMarkedFromTheMembershipUpdates()
    {
        var user = TelegramUser.New(Silo.Telegram);

        Silo.Telegram.BlockChat(user.ChatId);
        Assert.True(await Eventually.TrueAsync(async () => (await Silo.ChatAsync(user.ChatId))?.Blocked == true, TimeSpan.FromSeconds(15)));
        Silo.Telegram.UnblockChat(user.ChatId);

        Assert.True(await Eventually.TrueAsync(async () => (await Silo.ChatAsync(user.ChatId))?.Blocked == false, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Notification_WhenTelegramAnswers429_IsSentNoSoonerThanRetryAfter()
    {
        var user = TelegramUser.New(Silo.Telegram);
        Silo.Telegram.RateLimitNext("sendMessage", count: 1, retryAfterSeconds: 3);

        await OutboxRows.QueueAsync(Silo.Database, "user.notification", $"telegram:{user.ChatId}",
            new UserNotification("u-test", user.ChatId, UserNotificationKind.ExpiresIn3Days, DateTimeOffset.UtcNow.AddDays(3), null, 0));
        await Silo.Telegram.WaitForCallAsync("sendMessage", call => call.ChatId == user.ChatId && call.StatusCode == 429, TimeSpan.FromSeconds(15));
        var refusedAt = DateTimeOffset.UtcNow;
        await user.MessagesAsync(1, TimeSpan.FromSeconds(30));

        Assert.True(DateTimeOffset.UtcNow - refusedAt >= TimeSpan.FromSeconds(2.9),
            $"Sent again after {(DateTimeOffset.UtcNow - refusedAt).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s; Telegram asked for 3 s.");
    }
}

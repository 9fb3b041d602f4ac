using System.Globalization;
using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class AdminTests(SharedSiloFixture fixture)
{
    private BotSilo Silo => fixture.Silo;

    [Fact]
    public async Task Stats_ShowUsersByStatusRevenueAndNodes()
    {
        var admin = new TelegramUser(Silo.Telegram, BotSilo.AdminId);

        admin.Command("/stats");
        var stats = await admin.NextMessageAsync();

        Assert.Contains("Пользователи: активные", stats.Text, StringComparison.Ordinal);
        Assert.Contains("Выручка: сегодня", stats.Text, StringComparison.Ordinal);
        Assert.Contains("Ноды: исправны 0 из 0", stats.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindByTelegramId_ThenExtendAndDisableWithTheButtons_ChangesTheUser()
    {
        var admin = new TelegramUser(Silo.Telegram, BotSilo.AdminId);
        var customer = TelegramUser.New(Silo.Telegram);
        var user = await Silo.CreateUserAsync(customer.ChatId, days: 10, username: "customer" + customer.ChatId);

        admin.Command("/find", customer.ChatId.ToString(CultureInfo.InvariantCulture));
        var card = await admin.NextMessageAsync();
        admin.Press($"u:x30:{user.UserId}", card.MessageId!.Value);
        await admin.EditAsync(call => call.MessageId == card.MessageId && call.CallbackData.Contains($"u:off:{user.UserId}"));
        admin.Press($"u:off:{user.UserId}", card.MessageId!.Value);
        await admin.EditAsync(call => call.MessageId == card.MessageId && call.CallbackData.Contains($"u:on:{user.UserId}"));

        Assert.Contains(user.UserId, card.Text, StringComparison.Ordinal);
        var changed = await Silo.Grains.GetGrain<IUserGrain>(user.UserId).GetAsync();
        Assert.Equal(UserStatus.Disabled, changed!.Status);
        Assert.InRange(changed.ExpiresAt!.Value, user.ExpiresAt!.Value.AddDays(30).AddMinutes(-1), user.ExpiresAt!.Value.AddDays(30).AddMinutes(1));
    }

    [Fact]
    public async Task ExtendCommand_ByUsername_AddsTheDays()
    {
        var admin = new TelegramUser(Silo.Telegram, BotSilo.AdminId);
        var customer = TelegramUser.New(Silo.Telegram);
        var user = await Silo.CreateUserAsync(customer.ChatId, days: 10, username: "buyer" + customer.ChatId);

        admin.Command("/extend", $"@buyer{customer.ChatId} 5");
        var card = await admin.NextMessageAsync();

        Assert.Contains(user.UserId, card.Text, StringComparison.Ordinal);
        var extended = await Silo.Grains.GetGrain<IUserGrain>(user.UserId).GetAsync();
        Assert.InRange(extended!.ExpiresAt!.Value, user.ExpiresAt!.Value.AddDays(5).AddMinutes(-1), user.ExpiresAt!.Value.AddDays(5).AddMinutes(1));
    }

    [Fact]
    public async Task Nodes_WithNoneRegistered_SaySo()
    {
        var admin = new TelegramUser(Silo.Telegram, BotSilo.AdminId);

        admin.Command("/nodes");

        Assert.Contains("Ноды не зарегистрированы", (await admin.NextMessageAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCommand_FromSomeoneElse_IsUnknown()
    {
        var user = TelegramUser.New(Silo.Telegram);

        user.Command("/stats");

        Assert.Contains("Такой команды я не знаю", (await user.MessagesAsync(1))[0].Text, StringComparison.Ordinal);
    }
}

using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class CorporateTests(SharedSiloFixture fixture)
{
    private BotSilo Silo => fixture.Silo;

    [Fact]
    public async Task GetConfig_ApprovedWithTheButton_SendsTheLinkAndItsQrCode()
    {
        var user = TelegramUser.New(Silo.Telegram);
        var employee = await GrantAsync(telegramId: user.ChatId);

        user.Command("/get_config");
        var messages = await user.MessagesAsync(2);
        var prompt = messages.Single(m => m.CallbackData.Any(d => d.StartsWith("cfg:a:", StringComparison.Ordinal)));
        user.Press(prompt.CallbackData.Single(d => d.StartsWith("cfg:a:", StringComparison.Ordinal)), prompt.MessageId!.Value);
        var decided = await user.EditAsync(call => call.MessageId == prompt.MessageId && call.Text!.Contains("Подтверждено", StringComparison.Ordinal));
        var config = await user.MessagesAsync(4);

        var owner = await Silo.UserOfAsync(user.ChatId);
        Assert.Equal(employee.Employee!.UserId, owner!.UserId);
        Assert.Contains("Запрос отправлен", messages.Single(m => m != prompt).Text, StringComparison.Ordinal);
        Assert.Contains("Это были вы?", prompt.Text, StringComparison.Ordinal);
        Assert.Empty(decided.CallbackData);
        Assert.Contains($"/sub/{owner.Credentials.SubscriptionToken}", config[2].Text, StringComparison.Ordinal);
        Assert.Equal("sendPhoto", config[3].Method);
        Assert.True(Png.IsPng(config[3].Files["photo"].Content));
    }

    [Fact]
    public async Task GetConfig_Denied_SendsNoConfiguration()
    {
        var user = TelegramUser.New(Silo.Telegram);
        await GrantAsync(telegramId: user.ChatId);

        user.Command("/get_config");
        var prompt = (await user.MessagesAsync(2)).Single(m => m.CallbackData.Count > 0);
        user.Press(prompt.CallbackData.Single(d => d.StartsWith("cfg:d:", StringComparison.Ordinal)), prompt.MessageId!.Value);
        await user.EditAsync(call => call.Text!.Contains("отклонён", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(2, user.Messages.Count);
    }

    [Fact]
    public async Task GetConfig_FromAnAccountWithoutCorporateAccess_ExplainsHowToLinkIt()
    {
        var user = TelegramUser.New(Silo.Telegram);

        user.Command("/get_config");

        Assert.Contains("не привязан", (await user.MessagesAsync(1))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnActivationCode_LinksTheAccountToTheEmployee()
    {
        var user = TelegramUser.New(Silo.Telegram);
        var employee = await GrantAsync(telegramId: null);

        user.Command("/start", employee.ActivationCode);
        var messages = await user.MessagesAsync(2);

        Assert.Contains("привязан к корпоративному доступу", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(employee.Employee!.UserId, (await Silo.UserOfAsync(user.ChatId))!.UserId);
    }

    [Fact]
    public async Task RegistryCommands_FromAnAdmin_AddListAndRevoke()
    {
        var admin = new TelegramUser(Silo.Telegram, BotSilo.AdminId);
        var employeeId = "R-" + Random.Shared.Next(100_000, 999_999);

        admin.Command("/reg_add", employeeId);
        var added = await admin.NextMessageAsync();
        admin.Command("/reg_list");
        var listed = await admin.NextMessageAsync();
        admin.Command("/reg_revoke", employeeId);
        var revoked = await admin.NextMessageAsync();

        Assert.Contains("внесён в реестр", added.Text, StringComparison.Ordinal);
        Assert.Contains(employeeId, listed.Text, StringComparison.Ordinal);
        Assert.Contains("отозван", revoked.Text, StringComparison.Ordinal);
        var view = await Silo.Grains.GetGrain<IEmployeeGrain>(employeeId).GetAsync();
        Assert.Equal(RegistryState.Revoked, view!.Registry);
    }

    private async Task<EmployeeResult> GrantAsync(long? telegramId)
    {
        var employeeId = "E-" + Random.Shared.Next(100_000, 999_999);
        var result = await Silo.Grains.GetGrain<IEmployeeGrain>(employeeId)
            .GrantAsync(new GrantRequest(employeeId, "Иван Петров", null, telegramId, 30, null), Actor.CorporateApi("127.0.0.1"));
        Assert.Equal(EmployeeOutcome.Done, result.Outcome);
        return result;
    }
}

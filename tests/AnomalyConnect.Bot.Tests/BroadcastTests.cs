using System.Diagnostics;
using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Testing;
using Xunit.Abstractions;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class BroadcastTests(ITestOutputHelper output)
{
    private const int Recipients = 1000;
    private const int MostInFlight = 4;

    [Fact]
    public async Task Broadcast_ToAThousandUsers_KilledMidwayAndRestarted_MessagesEachUserAtMostOnceWithinTelegramsLimits()
    {
        await using var silo = await BotSilo.StartAsync();
        var chats = Enumerable.Range(0, Recipients).Select(i => 710_000_000L + i).ToArray();
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chat, _) => await silo.CreateUserAsync(chat, days: 30));
        var admin = new TelegramUser(silo.Telegram, BotSilo.AdminId);
        var recipients = chats.ToHashSet();

        admin.Command("/broadcast", "all Новый сервер в Амстердаме уже работает!");
        var preview = (await admin.MessagesAsync(1))[0];
        Assert.Contains($"{Recipients} получателей", preview.Text, StringComparison.Ordinal);
        var start = preview.CallbackData.Single(d => d.StartsWith("bc:go:", StringComparison.Ordinal));
        var sampler = Stopwatch.StartNew();
        var samples = new List<(TimeSpan At, int Sent)>();
        admin.Press(start, preview.MessageId!.Value);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Sample(silo, recipients, sampler, samples) >= 300), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100)));
        silo.Silo.Kill();
        var beforeKill = DeliveredTo(silo, recipients).Count;
        await silo.Silo.StartAsync();
        Assert.True(await Eventually.TrueAsync(
            async () =>
            {
                Sample(silo, recipients, sampler, samples);
                return await silo.Database.ScalarAsync<string>("SELECT state FROM bot_broadcasts") == "finished";
            },
            TimeSpan.FromSeconds(120),
            TimeSpan.FromMilliseconds(100)));

        var delivered = DeliveredTo(silo, recipients);
        var inDoubt = (await InDoubtAsync(silo)).ToHashSet();
        Assert.InRange(beforeKill, 300, Recipients - 1);
        Assert.All(delivered, pair => Assert.Equal(1, pair.Value));
        var missed = recipients.Where(chat => !delivered.ContainsKey(chat)).ToList();
        Assert.All(missed, chat => Assert.Contains(chat, inDoubt));
        Assert.InRange(inDoubt.Count, 0, MostInFlight);
        Assert.Equal(Recipients - inDoubt.Count, await silo.Database.ScalarAsync<long>("SELECT count(*) FROM bot_broadcast_recipients WHERE state = 'sent'"));
        var report = await admin.EditAsync(call => call.Text!.Contains("завершена", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains($"из {Recipients}", report.Text, StringComparison.Ordinal);
        AssertWithinTelegramsLimit(samples);
        output.WriteLine($"Sent to {beforeKill} before the kill; {delivered.Count} got it, {inDoubt.Count} in doubt ({missed.Count} of them missed); took {sampler.Elapsed.TotalSeconds:0.0} s.");
    }

    [Fact]
    public async Task Broadcast_ToASegment_ReachesOnlyThatStatusAndSkipsChatsThatBlockedTheBot()
    {
        await using var silo = await BotSilo.StartAsync();
        var active = new[] { 720_000_001L, 720_000_002L, 720_000_003L };
        var expired = new[] { 720_000_011L, 720_000_012L };
        foreach (var chat in active)
        {
            await silo.CreateUserAsync(chat, days: 30);
        }
        foreach (var chat in expired)
        {
            var user = await silo.CreateUserAsync(chat, days: 30);
            await silo.Grains.GetGrain<IUserGrain>(user.UserId).ApplyAsync(new UserAction.SetExpiry(DateTimeOffset.UtcNow.AddSeconds(-1)));
        }
        silo.Telegram.BlockChat(active[2]);
        Assert.True(await Eventually.TrueAsync(async () => (await silo.ChatAsync(active[2]))?.Blocked == true, TimeSpan.FromSeconds(15)));
        var admin = new TelegramUser(silo.Telegram, BotSilo.AdminId);

        admin.Command("/broadcast", "active Плановые работы ночью");
        var preview = (await admin.MessagesAsync(1))[0];
        admin.Press(preview.CallbackData.Single(d => d.StartsWith("bc:go:", StringComparison.Ordinal)), preview.MessageId!.Value);
        await admin.EditAsync(call => call.Text!.Contains("завершена", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Contains("2 получателей", preview.Text, StringComparison.Ordinal);
        Assert.Single(silo.Telegram.MessagesTo(active[0]));
        Assert.Single(silo.Telegram.MessagesTo(active[1]));
        Assert.Empty(silo.Telegram.MessagesTo(active[2]));
        Assert.All(expired, chat => Assert.Empty(silo.Telegram.MessagesTo(chat)));
    }

    [Fact]
    public async Task Broadcast_FromSomeoneWhoIsNotAnAdmin_IsAnUnknownCommand()
    {
        await using var silo = await BotSilo.StartAsync();
        var user = TelegramUser.New(silo.Telegram);

        user.Command("/broadcast", "all spam");
        var answer = (await user.MessagesAsync(1))[0];

        Assert.Contains("Такой команды я не знаю", answer.Text, StringComparison.Ordinal);
        Assert.Equal(0, await silo.Database.ScalarAsync<long>("SELECT count(*) FROM bot_broadcasts"));
    }

    private static int Sample(BotSilo silo, HashSet<long> recipients, Stopwatch clock, List<(TimeSpan At, int Sent)> samples)
    {
        var sent = silo.Telegram.CallsTo("sendMessage").Count(call => call.Succeeded && call.ChatId is { } chat && recipients.Contains(chat));
        samples.Add((clock.Elapsed, sent));
        return sent;
    }

    private static Dictionary<long, int> DeliveredTo(BotSilo silo, HashSet<long> recipients) =>
        silo.Telegram.CallsTo("sendMessage")
            .Where(call => call.Succeeded && call.ChatId is { } chat && recipients.Contains(chat))
            .GroupBy(call => call.ChatId!.Value)
            .ToDictionary(g => g.Key, g => g.Count());

    private static async Task<List<long>> InDoubtAsync(BotSilo silo)
    {
        await using var connection = new Npgsql.NpgsqlConnection(silo.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT chat_id FROM bot_broadcast_recipients WHERE state = 'in_doubt'", connection);
        var chats = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            chats.Add(reader.GetInt64(0));
        }
        return chats;
    }

    /// <summary>No second-long window of the samples saw more than Telegram's 30 messages.</summary>
    private static void AssertWithinTelegramsLimit(List<(TimeSpan At, int Sent)> samples)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            for (var j = i + 1; j < samples.Count && samples[j].At - samples[i].At <= TimeSpan.FromSeconds(1); j++)
            {
                Assert.True(samples[j].Sent - samples[i].Sent <= 30,
                    $"{samples[j].Sent - samples[i].Sent} messages between {samples[i].At.TotalSeconds:0.00} s and {samples[j].At.TotalSeconds:0.00} s.");
            }
        }
    }
}

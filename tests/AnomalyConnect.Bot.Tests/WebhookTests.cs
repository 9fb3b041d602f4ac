using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class WebhookTests
{
    private const string Header = "X-Telegram-Bot-Api-Secret-Token";

    [Fact]
    public async Task WebhookMode_WithAGeneratedSecret_RegistersItAnswersUpdatesAndKeepsItAcrossARestart()
    {
        await using var silo = await BotSilo.StartAsync(addressed: WebhookAt);
        var registered = await silo.Telegram.WaitForCallAsync("setWebhook", within: TimeSpan.FromSeconds(20));
        var secret = registered.Parameters["secret_token"]!.GetValue<string>();
        Assert.Equal($"{silo.Silo.BaseAddress}webhooks/telegram", silo.Telegram.WebhookUrl);
        Assert.True(secret.Length >= 32);

        var user = TelegramUser.New(silo.Telegram);
        user.Command("/start");
        Assert.Contains("Привет", (await user.MessagesAsync(1))[0].Text, StringComparison.Ordinal);

        silo.Silo.Kill();
        silo.Telegram.ClearCalls();
        await silo.Silo.StartAsync();
        var again = await silo.Telegram.WaitForCallAsync("setWebhook", within: TimeSpan.FromSeconds(20));
        Assert.Equal(secret, again.Parameters["secret_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhook_WithAWrongOrMissingSecret_Is401AndAdmitsNothing()
    {
        await using var silo = await BotSilo.StartAsync(new Dictionary<string, string> { ["BOT_WEBHOOK_SECRET"] = "right-secret_0123456789" }, WebhookAt);
        await silo.Telegram.WaitForCallAsync("setWebhook", within: TimeSpan.FromSeconds(20));
        using var http = new HttpClient { BaseAddress = silo.Silo.BaseAddress };
        var user = TelegramUser.New(silo.Telegram);

        var wrong = await PostAsync(http, Update(user.ChatId, 1), "wrong-secret_0123456789");
        var missing = await PostAsync(http, Update(user.ChatId, 2), secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await silo.Database.ScalarAsync<long>("SELECT count(*) FROM telegram_updates"));
        Assert.Equal("right-secret_0123456789", silo.Telegram.CallsTo("setWebhook")[0].Parameters["secret_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhook_RedeliveredAndGarbageUpdates_AreAnsweredOnceAndPolitely()
    {
        await using var silo = await BotSilo.StartAsync(new Dictionary<string, string> { ["BOT_WEBHOOK_SECRET"] = "right-secret_0123456789" }, WebhookAt);
        await silo.Telegram.WaitForCallAsync("setWebhook", within: TimeSpan.FromSeconds(20));
        using var http = new HttpClient { BaseAddress = silo.Silo.BaseAddress };
        var user = TelegramUser.New(silo.Telegram);
        const string secret = "right-secret_0123456789";

        var first = await PostAsync(http, Update(user.ChatId, 77), secret);
        var redelivered = await PostAsync(http, Update(user.ChatId, 77), secret);
        var unknownKind = await PostAsync(http, new JsonObject { ["update_id"] = 78, ["poll"] = new JsonObject { ["id"] = "1", ["question"] = "?" } }.ToJsonString(), secret);
        var garbled = FakeTelegramUpdates.Text(user.ChatId, "hello");
        garbled["update_id"] = 79;
        garbled["message"]!["date"] = "yesterday";
        var garbledAnswer = await PostAsync(http, garbled.ToJsonString(), secret);
        var notJson = await PostAsync(http, "<html>not an update</html>", secret);
        var hugeRefused = await IsRefusedAsTooLargeAsync(() => PostAsync(http, new string('x', 2 << 20), secret));
        var messages = await user.MessagesAsync(2);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.OK, garbledAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.True(hugeRefused);
        Assert.Equal(2, user.Messages.Count);
        Assert.Contains("Привет", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("понимаю команды и кнопки", messages[1].Text, StringComparison.Ordinal);
        Assert.Equal(3, await silo.Database.ScalarAsync<long>("SELECT count(*) FROM telegram_updates"));
    }

    private static IReadOnlyDictionary<string, string> WebhookAt(Uri silo) =>
        new Dictionary<string, string> { ["BOT_WEBHOOK_URL"] = new Uri(silo, "/webhooks/telegram").ToString() };

    private static string Update(long chatId, long updateId)
    {
        var update = FakeTelegramUpdates.Command(chatId, "/start");
        update["update_id"] = updateId;
        return update.ToJsonString();
    }

    /// <summary>413, or the connection closed under a client still sending (the server answered before reading it all).</summary>
    private static async Task<bool> IsRefusedAsTooLargeAsync(Func<Task<HttpResponseMessage>> post)
    {
        try
        {
            return (await post()).StatusCode == HttpStatusCode.RequestEntityTooLarge;
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            return true;
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(Header, secret);
        }
        return await http.SendAsync(request);
    }
}

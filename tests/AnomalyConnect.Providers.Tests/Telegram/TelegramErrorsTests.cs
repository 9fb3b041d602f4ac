using AnomalyConnect.Integrations.Telegram;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Providers.Tests.Telegram;

public sealed class TelegramErrorsTests
{
    private const long ChatId = 777;

    [Fact]
    public async Task SendMessage_WhenRateLimited_ThrowsWithRetryAfter()
    {
        await using var t = TelegramHarness.Start();
        t.Server.RateLimitNext("sendMessage", count: 1, retryAfterSeconds: 7);

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.SendMessageAsync(ChatId, "hi"));

        Assert.Equal(429, e.ErrorCode);
        Assert.True(e.IsRateLimited);
        Assert.True(e.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Equal("sendMessage", e.Method);
        Assert.NotNull(await t.Client.SendMessageAsync(ChatId, "hi"));
    }

    [Fact]
    public async Task SendMessage_WhenUserBlockedTheBot_IsBlockedByUser()
    {
        await using var t = TelegramHarness.Start();
        t.Server.BlockChat(ChatId, queueUpdate: false);

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.SendMessageAsync(ChatId, "renew?"));

        Assert.Equal(403, e.ErrorCode);
        Assert.True(e.IsBlockedByUser);
        Assert.False(e.IsTransient);
        Assert.Empty(t.Server.MessagesTo(ChatId));
    }

    [Fact]
    public async Task SendPhoto_WhenUserIsDeactivated_IsBlockedByUser()
    {
        await using var t = TelegramHarness.Start();
        t.Server.DeactivateChat(ChatId);

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.SendPhotoAsync(ChatId, new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }));

        Assert.True(e.IsBlockedByUser);
        Assert.Contains("user is deactivated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMe_WhenTokenIsWrong_ThrowsUnauthorizedWithoutTheToken()
    {
        const string wrongToken = "987654321:AAWrongTokenThatMustNotLeak_0123456789";
        await using var t = TelegramHarness.Start(clientToken: wrongToken);

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.GetMeAsync());

        Assert.Equal(401, e.ErrorCode);
        Assert.DoesNotContain(wrongToken, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AAWrongToken", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_WhenErrorsOrTransportFails_NoExceptionTextContainsTheToken()
    {
        await using var t = TelegramHarness.Start();
        t.Server.RateLimitNext("sendMessage");
        t.Server.FailNext("getMe", 1, 500, "Internal Server Error");
        var failures = new List<Exception>
        {
            await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.SendMessageAsync(ChatId, "x")),
            await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.GetMeAsync()),
            await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.EditMessageTextAsync(ChatId, 999, "x")),
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var unreachable = new TelegramBotClient(
            http, new TelegramBotOptions { BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}"), Token = t.Server.Token });
        failures.Add(await Assert.ThrowsAnyAsync<HttpRequestException>(() => unreachable.GetMeAsync()));

        var secretPart = t.Server.Token[(t.Server.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.All(failures, e => Assert.DoesNotContain(secretPart, e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_WhenRateLimitedOnce_WaitsRetryAfterThenSucceeds()
    {
        await using var t = TelegramHarness.Start();
        t.Server.RateLimitNext("sendMessage", count: 1, retryAfterSeconds: 1);
        var retry = new TelegramRetry(TimeProvider.System, maxAttempts: 3, maxWait: TimeSpan.FromSeconds(2));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var sent = await retry.ExecuteAsync(ct => t.Client.SendMessageAsync(ChatId, "hello", ct: ct));

        Assert.Equal("hello", sent.Text);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited only {watch.Elapsed}");
        Assert.Equal([429, 200], t.Server.CallsTo("sendMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Retry_WhenRetryAfterExceedsMaxWait_RethrowsAtOnce()
    {
        await using var t = TelegramHarness.Start();
        t.Server.RateLimitNext("sendMessage", count: 1, retryAfterSeconds: 30);
        var retry = new TelegramRetry(TimeProvider.System, maxAttempts: 3, maxWait: TimeSpan.FromSeconds(2));

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => retry.ExecuteAsync(ct => t.Client.SendMessageAsync(ChatId, "x", ct: ct)));

        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Single(t.Server.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Retry_WhenBlocked_DoesNotRetry()
    {
        await using var t = TelegramHarness.Start();
        t.Server.BlockChat(ChatId, queueUpdate: false);
        var retry = new TelegramRetry(TimeProvider.System);

        await Assert.ThrowsAsync<TelegramApiException>(() => retry.ExecuteAsync(ct => t.Client.SendMessageAsync(ChatId, "x", ct: ct)));

        Assert.Single(t.Server.CallsTo("sendMessage"));
    }

    [Fact]
    public void Constructor_WhenTokenHasPathCharacters_ThrowsWithoutEchoingIt()
    {
        using var http = new HttpClient();

        var e = Assert.Throws<ArgumentException>(() => new TelegramBotClient(http, new TelegramBotOptions { Token = "123:abc/../secretish" }));

        Assert.DoesNotContain("secretish", e.Message, StringComparison.Ordinal);
    }
}

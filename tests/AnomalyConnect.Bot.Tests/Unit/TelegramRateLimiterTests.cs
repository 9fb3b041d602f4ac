using System.Diagnostics;
using AnomalyConnect.Bot.Sending;

namespace AnomalyConnect.Bot.Tests.Unit;

public sealed class TelegramRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_ThirtyOneTimes_TakesAtLeastASecond()
    {
        var limiter = new TelegramRateLimiter(TimeProvider.System);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 31; i++)
        {
            await limiter.WaitAsync(chatId: i, perChat: false, TimeSpan.FromSeconds(5), CancellationToken.None);
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"31 slots in {clock.Elapsed.TotalSeconds:0.000} s.");
    }

    [Fact]
    public async Task WaitAsync_PerChat_SpacesOneChatASecondApart()
    {
        var limiter = new TelegramRateLimiter(TimeProvider.System);
        await limiter.WaitAsync(7, perChat: true, TimeSpan.FromSeconds(5), CancellationToken.None);
        var clock = Stopwatch.StartNew();

        await limiter.WaitAsync(7, perChat: true, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95));
    }

    [Fact]
    public async Task WaitAsync_AfterA429_WaitsTheRetryAfterOrRefusesAtOnce()
    {
        var limiter = new TelegramRateLimiter(TimeProvider.System);
        limiter.Pause(TimeSpan.FromSeconds(30));

        var refused = await Assert.ThrowsAsync<TelegramFloodWaitException>(
            () => limiter.WaitAsync(1, perChat: false, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.InRange(refused.Wait, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitAsync_AfterAShortPause_WaitsItOut()
    {
        var limiter = new TelegramRateLimiter(TimeProvider.System);
        limiter.Pause(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await limiter.WaitAsync(1, perChat: false, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95));
    }
}

namespace AnomalyConnect.Bot.Sending;

/// <summary>
/// Keeps this process within Telegram's limits: at most 30 messages a second overall (spaced evenly, not in bursts),
/// at most one a second to a chat where asked, and nothing at all while Telegram's last <c>retry_after</c> runs.
/// A caller that would have to wait longer than it can afford is told so before any slot is taken.
/// </summary>
internal sealed class TelegramRateLimiter(TimeProvider clock)
{
    private static readonly TimeSpan GlobalSpacing = TimeSpan.FromSeconds(1.0 / Configuration.BotOptions.TelegramMessagesPerSecond);
    private static readonly TimeSpan ChatSpacing = TimeSpan.FromSeconds(1);
    private const int MaxRememberedChats = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<long, DateTimeOffset> nextPerChat = [];
    private DateTimeOffset nextSlot;
    private DateTimeOffset pausedUntil;

    /// <summary>When Telegram's flood control lets this process call again.</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (gate)
            {
                return pausedUntil;
            }
        }
    }

    /// <summary>Waits for a slot; <paramref name="perChat"/> also spaces messages to <paramref name="chatId"/> a second apart.</summary>
    /// <exception cref="TelegramFloodWaitException">The wait would be longer than <paramref name="maxWait"/>; no slot was taken.</exception>
    public async Task WaitAsync(long? chatId, bool perChat, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var at = Max(Max(now, nextSlot), pausedUntil);
            if (perChat && chatId is { } chat && nextPerChat.TryGetValue(chat, out var chatSlot))
            {
                at = Max(at, chatSlot);
            }
            delay = at - now;
            if (delay > maxWait)
            {
                throw new TelegramFloodWaitException(delay);
            }
            nextSlot = at + GlobalSpacing;
            if (perChat && chatId is { } target)
            {
                Forget(now);
                nextPerChat[target] = at + ChatSpacing;
            }
        }
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    /// <summary>Telegram answered 429: nothing leaves this process before <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        lock (gate)
        {
            pausedUntil = Max(pausedUntil, clock.GetUtcNow() + retryAfter);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        if (nextPerChat.Count < MaxRememberedChats)
        {
            return;
        }
        foreach (var (chat, slot) in nextPerChat.ToArray())
        {
            if (slot <= now)
            {
                nextPerChat.Remove(chat);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

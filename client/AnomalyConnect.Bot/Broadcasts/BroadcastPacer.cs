namespace AnomalyConnect.Bot.Broadcasts;

/// <summary>Spaces broadcast messages evenly at BOT_BROADCAST_RATE a second, below Telegram's 30 so replies still get through.</summary>
internal sealed class BroadcastPacer(int perSecond, TimeProvider clock)
{
    private readonly TimeSpan spacing = TimeSpan.FromSeconds(1.0 / perSecond);
    private readonly Lock gate = new();
    private DateTimeOffset next;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var at = next > now ? next : now;
            next = at + spacing;
            delay = at - now;
        }
        return delay > TimeSpan.Zero ? Task.Delay(delay, clock, cancellationToken) : Task.CompletedTask;
    }
}

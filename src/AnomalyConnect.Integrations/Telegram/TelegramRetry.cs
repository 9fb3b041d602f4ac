namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// For interactive callers (answering a user now): on a 429 waits the <c>retry_after</c> Telegram asked for and tries
/// again, up to <c>maxAttempts</c> calls in all; a wait longer than <c>maxWait</c> is not worth holding the user for, so
/// that exception goes to the caller at once. Outbox deliveries should not use this: they reschedule instead.
/// </summary>
public sealed class TelegramRetry
{
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(5);

    private readonly TimeProvider clock;
    private readonly int maxAttempts;
    private readonly TimeSpan maxWait;

    public TelegramRetry(TimeProvider clock, int maxAttempts = 3, TimeSpan? maxWait = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait ?? DefaultMaxWait;
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(ct);
            }
            catch (TelegramApiException e) when (e.IsRateLimited && attempt < maxAttempts && e.RetryAfter <= maxWait)
            {
                await Task.Delay(e.RetryAfter!.Value, clock, ct);
            }
        }
    }

    public Task ExecuteAsync(Func<CancellationToken, Task> call, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return ExecuteAsync(
            async token =>
            {
                await call(token);
                return true;
            },
            ct);
    }
}

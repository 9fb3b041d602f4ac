using System.Collections.Concurrent;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// Counts failed authentications (wrong X-Corporate-Secret, bad HR webhook signature) per client address in a sliding
/// window; an address with <see cref="MaxFailures"/> failures within <see cref="Window"/> is refused (429) until the
/// oldest of them ages out — even with the right secret, so guessing cannot continue. Successes do not count.
/// </summary>
public sealed class AuthFailureLimiter(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int MaxTrackedAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>Whether the address is refused now, and for how long it will be.</summary>
    public bool IsLimited(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!failures.TryGetValue(address, out var times))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        lock (times)
        {
            Expire(times, now);
            if (times.Count < MaxFailures)
            {
                return false;
            }
            retryAfter = times.Peek() + Window - now;
            return true;
        }
    }

    public void RecordFailure(string address)
    {
        var now = clock.GetUtcNow();
        if (failures.Count >= MaxTrackedAddresses && !failures.ContainsKey(address))
        {
            Prune(now);
        }
        var times = failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Expire(times, now);
            times.Enqueue(now);
            while (times.Count > MaxFailures)
            {
                times.Dequeue();
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, times) in failures)
        {
            lock (times)
            {
                Expire(times, now);
                if (times.Count == 0)
                {
                    failures.TryRemove(address, out _);
                }
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
    }
}

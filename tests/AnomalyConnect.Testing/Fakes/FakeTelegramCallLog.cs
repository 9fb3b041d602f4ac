namespace AnomalyConnect.Testing.Fakes;

/// <summary>Every call the fake Bot API received, in order; waits for calls that other code makes.</summary>
internal sealed class FakeTelegramCallLog
{
    private readonly Lock gate = new();
    private readonly List<FakeTelegramCall> calls = [];
    private readonly ChangeSignal changed = new();

    public void Add(FakeTelegramCall call)
    {
        lock (gate)
        {
            calls.Add(call);
        }
        changed.Notify();
    }

    public IReadOnlyList<FakeTelegramCall> Snapshot()
    {
        lock (gate)
        {
            return calls.ToArray();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            calls.Clear();
        }
    }

    /// <summary>The first <paramref name="count"/> calls that match, once there are that many.</summary>
    /// <exception cref="TimeoutException">Fewer matched within the time; the message lists what was received.</exception>
    public async Task<IReadOnlyList<FakeTelegramCall>> WaitAsync(
        Func<FakeTelegramCall, bool> match, int count, TimeSpan within, string what, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var next = changed.Next;
            var found = Snapshot().Where(match).ToArray();
            if (found.Length >= count)
            {
                return found[..count];
            }
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                var received = Snapshot();
                var listing = received.Count == 0
                    ? "no calls at all"
                    : string.Join(Environment.NewLine, received.TakeLast(30).Select(c => "  " + c));
                throw new TimeoutException(
                    $"Waited {within.TotalSeconds:0.#} s for {count} {what}; saw {found.Length}. Calls received:{Environment.NewLine}{listing}");
            }
            await ChangeSignal.WaitAsync(next, remaining, ct);
        }
    }
}

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// Wakes waiters when shared state changes. Take <see cref="Next"/> before checking the state, then await it: a change
/// between the check and the await still completes the task taken, so no wake-up is lost.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next
    {
        get
        {
            lock (gate)
            {
                return changed.Task;
            }
        }
    }

    public void Notify()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }

    /// <summary>Waits for the change <paramref name="next"/> stands for, at most <paramref name="within"/>; false on timeout.</summary>
    public static async Task<bool> WaitAsync(Task next, TimeSpan within, CancellationToken ct)
    {
        if (within <= TimeSpan.Zero)
        {
            return next.IsCompleted;
        }
        try
        {
            await next.WaitAsync(within, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}

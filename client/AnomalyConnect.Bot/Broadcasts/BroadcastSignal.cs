namespace AnomalyConnect.Bot.Broadcasts;

/// <summary>Wakes this process's broadcast sender when an admin starts a broadcast here; others find it by polling.</summary>
internal sealed class BroadcastSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// Bounds how many employee turns run at once in this process. Such a turn keeps its connection (and the employee's
/// row lock) while it calls the user grain, whose own turn takes more connections; unbounded, a burst of HR events
/// could take every pooled connection and then wait forever for the next one.
/// </summary>
internal sealed class EmployeeTurnGate
{
    public const int MaxConcurrentTurns = 4;

    private readonly SemaphoreSlim slots = new(MaxConcurrentTurns, MaxConcurrentTurns);

    public async Task<T> RunAsync<T>(Func<Task<T>> turn)
    {
        await slots.WaitAsync();
        try
        {
            return await turn();
        }
        finally
        {
            slots.Release();
        }
    }
}

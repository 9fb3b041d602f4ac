namespace AnomalyConnect.Grains.Runtime;

/// <summary>
/// Base of every grain. State lives in PostgreSQL; <see cref="UpdateAsync{TResult}(Func{GrainTurn{TState}, Task{TResult}}, CancellationToken)"/>
/// runs one turn: a transaction that locks the grain's row first, so changes to one grain apply one at a time
/// across every process. Reads lock nothing.
/// </summary>
public abstract class Grain<TState> : IGrainActivation where TState : class
{
    private GrainStore? store;
    private string? grainType;
    private string? key;

    /// <summary>The grain's key.</summary>
    protected string Key => key ?? throw NotActivated();

    /// <summary>Reads the committed state without locking; null when the grain does not exist.</summary>
    protected Task<TState?> ReadStateAsync(CancellationToken cancellationToken = default) =>
        Store.ReadAsync<TState>(GrainType, Key, cancellationToken);

    /// <summary>Runs one turn: locks the row, lets <paramref name="change"/> edit state, outbox, timers and indexes, commits.</summary>
    protected async Task<TResult> UpdateAsync<TResult>(Func<GrainTurn<TState>, Task<TResult>> change, CancellationToken cancellationToken = default)
    {
        var result = await Store.UpdateAsync(GrainType, Key, change, firingTimer: null, cancellationToken);
        OnTurnCommitted();
        return result;
    }

    /// <summary>Runs one turn whose change needs no I/O of its own.</summary>
    protected Task<TResult> UpdateAsync<TResult>(Func<GrainTurn<TState>, TResult> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(turn => Task.FromResult(change(turn)), cancellationToken);

    /// <summary>Called inside the turn that consumes a due timer; the timer fires exactly once with the turn's commit.</summary>
    protected virtual Task OnTimerAsync(GrainTurn<TState> turn, string timerName) => Task.CompletedTask;

    /// <summary>Called in this process after each of this grain's turns has committed (whether it changed anything or not).</summary>
    protected virtual void OnTurnCommitted()
    {
    }

    void IGrainActivation.Activate(string type, string grainKey, GrainStore grainStore)
    {
        grainType = type;
        key = grainKey;
        store = grainStore;
    }

    async Task<bool> IGrainActivation.FireTimerAsync(string timerName, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var fired = await Store.UpdateAsync<TState, bool>(
            GrainType,
            Key,
            async turn =>
            {
                if (turn.State is not null)
                {
                    await OnTimerAsync(turn, timerName);
                }
                return true;
            },
            new FiringTimer(timerName, dueAt),
            cancellationToken);
        OnTurnCommitted();
        return fired;
    }

    private GrainStore Store => store ?? throw NotActivated();

    private string GrainType => grainType ?? throw NotActivated();

    private InvalidOperationException NotActivated() =>
        new($"{GetType().Name} was created outside the grain factory.");
}

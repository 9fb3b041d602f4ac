namespace AnomalyConnect.Grains.Runtime;

/// <summary>What the runtime needs of every grain object, whatever its state type.</summary>
internal interface IGrainActivation
{
    void Activate(string grainType, string key, GrainStore store);

    /// <summary>Fires the named timer if it is still due at <paramref name="dueAt"/>; false when it moved or already fired.</summary>
    Task<bool> FireTimerAsync(string timerName, DateTimeOffset dueAt, CancellationToken cancellationToken);
}

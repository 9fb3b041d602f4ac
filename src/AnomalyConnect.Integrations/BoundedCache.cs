using System.Collections.Concurrent;

namespace AnomalyConnect.Integrations;

/// <summary>
/// Values worked out once per key for the few keys a process meets (nodes, names, settings), bounded all the same:
/// past <c>maxEntries</c> it starts over, so a stream of one-off keys costs memory no longer than that.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int maxEntries, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new(comparer);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) =>
        GetOrAdd(key, static (key, create) => create(key), create);

    public TValue GetOrAdd<TArgument>(TKey key, Func<TKey, TArgument, TValue> create, TArgument argument)
    {
        if (entries.TryGetValue(key, out var value))
            return value;
        if (entries.Count >= maxEntries)
            entries.Clear();
        value = create(key, argument);
        entries.TryAdd(key, value);
        return value;
    }
}

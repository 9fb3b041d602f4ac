namespace AnomalyConnect.Grains.Users;

/// <summary>
/// Values by slot number, in fixed chunks that never move: growing allocates one more chunk and copies nothing, so a
/// table of 100,000 values leaves no large arrays behind for the garbage collector, and a freed slot is reused.
/// Not thread-safe: its owner locks.
/// </summary>
internal sealed class SlotTable<T> where T : struct
{
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<T[]> chunks = [];
    private readonly Stack<int> free = new();
    private int highWater;

    public int Count => highWater - free.Count;

    public ref T this[int slot] => ref chunks[slot >> ChunkBits][slot & (ChunkSize - 1)];

    public int Add(in T value)
    {
        if (!free.TryPop(out var slot))
        {
            slot = highWater++;
            if (slot >> ChunkBits == chunks.Count)
            {
                chunks.Add(new T[ChunkSize]);
            }
        }
        this[slot] = value;
        return slot;
    }

    public void Remove(int slot)
    {
        this[slot] = default;
        free.Push(slot);
    }

    /// <summary>Empties the table and keeps its chunks for the values to come.</summary>
    public void Clear()
    {
        foreach (var chunk in chunks)
        {
            Array.Clear(chunk);
        }
        free.Clear();
        highWater = 0;
    }
}

using AnomalyConnect.Grains.Users;

namespace AnomalyConnect.Grains.Tests.Users;

public sealed class SlotTableTests
{
    [Fact]
    public void Add_BeyondOneChunk_KeepsEveryValueAtItsSlot()
    {
        var table = new SlotTable<long>();

        var slots = Enumerable.Range(0, 5_000).Select(i => table.Add(i * 7L)).ToArray();

        Assert.Equal(5_000, table.Count);
        for (var i = 0; i < slots.Length; i++)
        {
            Assert.Equal(i * 7L, table[slots[i]]);
        }
    }

    [Fact]
    public void Add_AfterRemove_ReusesTheFreedSlot()
    {
        var table = new SlotTable<long>();
        var first = table.Add(1);
        var second = table.Add(2);

        table.Remove(first);
        var third = table.Add(3);

        Assert.Equal(first, third);
        Assert.Equal(3L, table[third]);
        Assert.Equal(2L, table[second]);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Indexer_GivesAReferenceThatWritesIntoTheTable()
    {
        var table = new SlotTable<long>();
        var slot = table.Add(1);

        ref var value = ref table[slot];
        value = 42;

        Assert.Equal(42L, table[slot]);
    }

    [Fact]
    public void Clear_EmptiesTheTableAndStartsSlotsAgainFromZero()
    {
        var table = new SlotTable<long>();
        for (var i = 0; i < 2_000; i++)
        {
            table.Add(i + 1);
        }
        table.Remove(10);

        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.Equal(0, table.Add(5));
        Assert.Equal(5L, table[0]);
        Assert.Equal(0L, table[1]);
    }
}

using AnomalyConnect.Integrations;

namespace AnomalyConnect.Integrations.Tests;

public sealed class BoundedCacheTests
{
    [Fact]
    public void GetOrAdd_WhenTheKeyIsKnown_DoesNotWorkItOutAgain()
    {
        var cache = new BoundedCache<string, string>(4, StringComparer.Ordinal);
        var made = 0;

        var first = cache.GetOrAdd("node-1", key => { made++; return key.ToUpperInvariant(); });
        var second = cache.GetOrAdd("node-1", key => { made++; return "other"; });

        Assert.Equal("NODE-1", first);
        Assert.Same(first, second);
        Assert.Equal(1, made);
    }

    [Fact]
    public void GetOrAdd_WhenFull_StartsOverSoOneOffKeysCannotGrowIt()
    {
        var cache = new BoundedCache<int, int>(3);
        var made = new List<int>();
        int Square(int key)
        {
            made.Add(key);
            return key * key;
        }

        foreach (var key in new[] { 1, 2, 3, 4, 1 })
            Assert.Equal(key * key, cache.GetOrAdd(key, Square));

        // 4 found the cache full and cleared it, so 1 was worked out again.
        Assert.Equal([1, 2, 3, 4, 1], made);
    }
}

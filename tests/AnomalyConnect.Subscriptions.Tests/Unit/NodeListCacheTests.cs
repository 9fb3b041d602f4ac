using AnomalyConnect.Api.Apis.Subscriptions;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Subscriptions.Tests.Unit;

public sealed class NodeListCacheTests
{
    [Fact]
    public async Task GetAsync_WithinAFewSeconds_ReadsTheDirectoryOnce()
    {
        var clock = new ManualClock(Samples.Now);
        var directory = new CountingDirectory();
        var cache = new NodeListCache(directory, clock);

        await cache.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(4));
        await cache.GetAsync(CancellationToken.None);

        Assert.Equal(1, directory.Reads);
    }

    [Fact]
    public async Task GetAsync_WhenTheListIsOlderThanFiveSeconds_ReadsItAgain()
    {
        var clock = new ManualClock(Samples.Now);
        var directory = new CountingDirectory();
        var cache = new NodeListCache(directory, clock);

        await cache.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        var nodes = await cache.GetAsync(CancellationToken.None);

        Assert.Equal(2, directory.Reads);
        Assert.Equal("node-2", Assert.Single(nodes).Node.NodeId);
    }

    private sealed class CountingDirectory : INodeDirectory
    {
        public int Reads { get; private set; }

        public Task<IReadOnlyList<NodeSummary>> ListAsync(CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<NodeSummary>>([Samples.Node($"node-{Reads}")]);
        }
    }
}

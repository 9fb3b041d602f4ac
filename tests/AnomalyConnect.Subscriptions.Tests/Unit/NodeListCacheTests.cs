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
    public async Task GetAsync_WhenTheListIsOlderThanFiveSeconds_ReadsTheNodesAgainButNotTheirLoad()
    {
        var clock = new ManualClock(Samples.Now);
        var directory = new CountingDirectory();
        var cache = new NodeListCache(directory, clock);

        await cache.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        var nodes = await cache.GetAsync(CancellationToken.None);

        Assert.Equal(1, directory.Reads);
        Assert.Equal(1, directory.NodeReads);
        var node = Assert.Single(nodes);
        Assert.Equal("Refreshed 1", node.Node.Name);
        Assert.Equal(0.5, node.Load);
    }

    [Fact]
    public async Task GetAsync_WhenTheLoadIsOlderThanAMinute_CountsItAgain()
    {
        var clock = new ManualClock(Samples.Now);
        var directory = new CountingDirectory();
        var cache = new NodeListCache(directory, clock);

        await cache.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(61));
        var nodes = await cache.GetAsync(CancellationToken.None);

        Assert.Equal(2, directory.Reads);
        Assert.Equal(0, directory.NodeReads);
        Assert.Equal(2, Assert.Single(nodes).ActiveUsers);
    }

    [Fact]
    public async Task GetAsync_ANodeAddedSinceTheLastCount_IsListedAsUnloaded()
    {
        var clock = new ManualClock(Samples.Now);
        var directory = new CountingDirectory { Added = "node-new" };
        var cache = new NodeListCache(directory, clock);

        await cache.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        var nodes = await cache.GetAsync(CancellationToken.None);

        var added = Assert.Single(nodes, n => n.Node.NodeId == "node-new");
        Assert.Equal((0L, 0.0), (added.ActiveUsers, added.Load));
    }

    private sealed class CountingDirectory : INodeDirectory
    {
        public int Reads { get; private set; }

        public int NodeReads { get; private set; }

        public string? Added { get; init; }

        public Task<IReadOnlyList<NodeSummary>> ListAsync(CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<NodeSummary>>([Samples.Node("node-1") with { ActiveUsers = Reads, Load = 0.5 }]);
        }

        public Task<IReadOnlyList<NodeView>> ListNodesAsync(CancellationToken cancellationToken)
        {
            NodeReads++;
            IReadOnlyList<NodeView> nodes = [Samples.Node("node-1").Node with { Name = $"Refreshed {NodeReads}" }];
            return Task.FromResult(Added is null ? nodes : [.. nodes, Samples.Node(Added).Node]);
        }
    }
}

using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Grains.Tests.Runtime;

public sealed class OutboxTests
{
    [Fact]
    public async Task Dispatcher_DeliversEveryMessage_InOrderWithinEachPartition()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("sender");
        var partitions = new[] { "chat-1", "chat-2", "chat-3" };
        foreach (var i in Enumerable.Range(0, 30))
        {
            await grain.SendAsync(partitions[i % 3], $"{i:D2}");
        }
        runtime.Notes.FailFirst("04", 2); // a failure in chat-2 must hold back chat-2's later messages only

        var dispatcher = runtime.Create<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        var done = await Eventually.TrueAsync(() => Task.FromResult(runtime.Notes.Delivered.Count == 30), TimeSpan.FromSeconds(20));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.True(done, $"delivered {runtime.Notes.Delivered.Count} of 30");
        foreach (var partition in partitions)
        {
            var texts = runtime.Notes.Delivered.Where(d => d.Note.Partition == partition).Select(d => d.Note.Text).ToList();
            Assert.Equal(texts.Order(StringComparer.Ordinal), texts);
        }
        Assert.Equal(3, runtime.Notes.Delivered.Single(d => d.Note.Text == "04").Attempt);
        Assert.Equal(0, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task Dispatcher_WhenAHandlerGivesUp_MovesTheEntryToDeadLettersAndGoesOn()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("poisoned");
        runtime.Notes.Poison.Add("poison");
        await grain.SendAsync("chat", "poison");
        await grain.SendAsync("chat", "after");

        var dispatcher = runtime.Create<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        var done = await Eventually.TrueAsync(() => Task.FromResult(runtime.Notes.Delivered.Count == 1), TimeSpan.FromSeconds(10));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.True(done);
        Assert.Equal("after", runtime.Notes.Delivered.Single().Note.Text);
        Assert.Equal(1, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_dead WHERE payload->>'text' = 'poison'"));
    }

    [Fact]
    public async Task Dispatcher_AfterMoreFailedClaimsThanItHasSlots_StillDelivers()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        await runtime.Database.ExecuteAsync("ALTER TABLE outbox RENAME TO outbox_away");
        var dispatcher = runtime.Create<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        // Every claim fails while the table is away; at a 50 ms poll interval that is far more failures than 16 slots.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await runtime.Database.ExecuteAsync("ALTER TABLE outbox_away RENAME TO outbox");

        await runtime.Grains.GetGrain<IProbeGrain>("after-outage").SendAsync("chat", "after the outage");
        var done = await Eventually.TrueAsync(() => Task.FromResult(runtime.Notes.Delivered.Count == 1), TimeSpan.FromSeconds(10));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.True(done, "nothing was delivered once claims worked again");
    }

    [Fact]
    public async Task StartInSlots_WhenTheBatchIsLargerThanTheSlots_StartsEveryDelivery()
    {
        using var slots = new SemaphoreSlim(2, 2);
        await slots.WaitAsync(); // the caller's slot, which the first delivery takes over
        var delivered = new List<int>();
        var inFlight = new List<Task>();
        async Task DeliverAsync(int item)
        {
            await Task.Yield();
            lock (delivered)
            {
                delivered.Add(item);
            }
            slots.Release();
        }

        await OutboxDispatcher.StartInSlotsAsync([1, 2, 3, 4, 5], slots, DeliverAsync, inFlight, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 3, 4, 5], delivered.Order());
        Assert.Equal(2, slots.CurrentCount);
    }

    [Fact]
    public async Task Backoff_GrowsExponentially_UpToTheCeiling()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var dispatcher = runtime.Create<OutboxDispatcher>();

        var first = dispatcher.Backoff(1);
        var ceiling = dispatcher.Backoff(30);

        Assert.InRange(first, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(240)); // the test ceiling is 200 ms
        Assert.InRange(ceiling, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(240));
    }
}

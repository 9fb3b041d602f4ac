using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Tests.Runtime;

public sealed class GrainTurnTests
{
    [Fact]
    public async Task UpdateAsync_WhenTheChangeThrows_CommitsNothing()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("rollback");
        await grain.SetAsync("original");

        await Assert.ThrowsAsync<InvalidOperationException>(grain.ChangeThenFailAsync);

        Assert.Equal("original", (await grain.GetAsync())!.Value);
        Assert.Equal(0, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM outbox"));
        Assert.Equal(0, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM grain_timers"));
    }

    [Fact]
    public async Task ReadStateAsync_WhileAnotherTurnHoldsTheLock_ReturnsTheCommittedStateWithoutWaiting()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("held");
        await grain.SetAsync("committed");
        var release = new TaskCompletionSource();
        var held = grain.HoldTurnAsync(release.Task);
        await Task.Delay(200);

        var read = grain.GetAsync();
        var finishedFirst = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.Same(read, finishedFirst);
        Assert.Equal("committed", (await read)!.Value);
        release.SetResult();
        await held;
        Assert.Equal("held", (await grain.GetAsync())!.Value);
    }

    [Fact]
    public async Task UpdateAsync_OnANewGrainFromManyTurnsAtOnce_CreatesItOnceAndLosesNoChange()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var keys = Enumerable.Range(0, 20).Select(i => $"race-{i}").ToList();
        const int appendsPerKey = 12;

        // Turns that leave the grain absent race with the creators, so a creator can also meet a row inserted and
        // removed again by another turn.
        await Task.WhenAll(keys.SelectMany(key =>
        {
            var grain = runtime.Grains.GetGrain<IProbeGrain>(key);
            return Enumerable.Range(0, appendsPerKey).SelectMany(_ => new[] { grain.CancelAsync("none"), grain.AppendAsync("x") });
        }));

        foreach (var key in keys)
        {
            Assert.Equal(new string('x', appendsPerKey), (await runtime.Grains.GetGrain<IProbeGrain>(key).GetAsync())!.Value);
        }
        Assert.Equal(keys.Count, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task GetAsync_OfAGrainNeverWritten_IsNullAndLeavesNoRow()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("nobody");

        await grain.CancelAsync("anything"); // a turn on a grain that does not exist and stays so

        Assert.Null(await grain.GetAsync());
        Assert.Equal(0, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task SetIndex_PointsTheSecondaryKeyAtTheGrain_AndMovesWithIt()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var index = runtime.Create<GrainIndex>();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("indexed");

        await grain.SetAsync("v1", email: "old@example.com");
        Assert.Equal("indexed", await index.FindKeyAsync("probe", ProbeGrain.EmailIndex, "old@example.com", CancellationToken.None));

        await grain.SetAsync("v2", email: "new@example.com");
        Assert.Null(await index.FindKeyAsync("probe", ProbeGrain.EmailIndex, "old@example.com", CancellationToken.None));
        Assert.Equal("indexed", await index.FindKeyAsync("probe", ProbeGrain.EmailIndex, "new@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesStateIndexesAndTimers()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("doomed");
        await grain.SetAsync("alive", email: "doomed@example.com");
        await grain.ScheduleAsync("later", DateTimeOffset.UtcNow.AddDays(1));

        await grain.DeleteAsync();

        Assert.Null(await grain.GetAsync());
        Assert.Equal(0, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM grain_index"));
        Assert.Equal(0, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM grain_timers"));
    }
}

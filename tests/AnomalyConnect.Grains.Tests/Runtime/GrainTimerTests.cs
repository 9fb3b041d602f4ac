using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Grains.Tests.Runtime;

public sealed class GrainTimerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sweep_BeforeTheDueTime_FiresNothing_AndAtItFiresOnce()
    {
        var clock = new ManualClock(Start);
        await using var runtime = await InProcessRuntime.CreateAsync(clock);
        var sweeper = runtime.Create<TimerSweeper>();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("bell");
        await grain.ScheduleAsync("ring", Start.AddMinutes(5));

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(["ring"], (await grain.GetAsync())!.FiredTimers);
    }

    [Fact]
    public async Task SetTimer_Again_MovesIt_SoItFiresOnlyAtTheNewTime()
    {
        var clock = new ManualClock(Start);
        await using var runtime = await InProcessRuntime.CreateAsync(clock);
        var sweeper = runtime.Create<TimerSweeper>();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("moved");
        await grain.ScheduleAsync("ring", Start.AddMinutes(1));
        await grain.ScheduleAsync("ring", Start.AddMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(["ring"], (await grain.GetAsync())!.FiredTimers);
    }

    [Fact]
    public async Task CancelTimer_BeforeItIsDue_MeansItNeverFires()
    {
        var clock = new ManualClock(Start);
        await using var runtime = await InProcessRuntime.CreateAsync(clock);
        var sweeper = runtime.Create<TimerSweeper>();
        var grain = runtime.Grains.GetGrain<IProbeGrain>("cancelled");
        await grain.ScheduleAsync("ring", Start.AddMinutes(1));
        await grain.CancelAsync("ring");

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Empty((await grain.GetAsync())!.FiredTimers);
    }

    [Fact]
    public async Task Sweep_WithThousandsDueAtOnce_FiresEachExactlyOnce_EvenWhenTwoSweepsOverlap()
    {
        var clock = new ManualClock(Start);
        await using var runtime = await InProcessRuntime.CreateAsync(clock);
        const int count = 1_000;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => await runtime.Grains.GetGrain<IProbeGrain>($"bulk-{i}").ScheduleAsync("ring", Start.AddSeconds(i % 60)));
        clock.Advance(TimeSpan.FromMinutes(1));

        var fired = await Task.WhenAll(
            runtime.Create<TimerSweeper>().SweepAsync(CancellationToken.None),
            runtime.Create<TimerSweeper>().SweepAsync(CancellationToken.None));

        Assert.Equal(count, fired.Sum());
        Assert.Equal(0, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM grain_timers"));
        Assert.Equal(count, await runtime.Database.ScalarAsync<long>(
            "SELECT count(*) FROM grain_state WHERE jsonb_array_length(state->'fired') = 1"));
    }
}

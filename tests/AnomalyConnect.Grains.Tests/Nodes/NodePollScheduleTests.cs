using AnomalyConnect.Grains.Nodes;

namespace AnomalyConnect.Grains.Tests.Nodes;

public sealed class NodePollScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public void PhaseOf_NodesRegisteredTogether_SpreadsThemOverTheInterval()
    {
        var phases = Enumerable.Range(1, 10).Select(i => NodePollSchedule.PhaseOf($"node-{i}", Interval)).ToList();

        Assert.All(phases, p => Assert.InRange(p, TimeSpan.Zero, Interval - TimeSpan.FromMilliseconds(1)));
        Assert.Equal(10, phases.Distinct().Count());
        Assert.True(phases.Max() - phases.Min() >= Interval / 2, string.Join(", ", phases));
        Assert.True(phases.Select(p => (int)p.TotalSeconds).Distinct().Count() >= 6, string.Join(", ", phases));
    }

    [Fact]
    public void PhaseOf_IsTheSameInEveryProcess()
    {
        // FNV-1a of "node-1" modulo 15,000 ms, worked out by hand: a per-process hash (string.GetHashCode) would not give it.
        Assert.Equal(TimeSpan.FromMilliseconds(5643), NodePollSchedule.PhaseOf("node-1", Interval));
        Assert.Equal(TimeSpan.FromMilliseconds(276), NodePollSchedule.PhaseOf("node-4", Interval));
    }

    [Fact]
    public void NextAfter_WhenTicksAreLate_KeepsTheNodesPhaseInsteadOfDrifting()
    {
        var phase = NodePollSchedule.PhaseOf("node-7", Interval);
        var slot = DateTimeOffset.UnixEpoch + phase + (Interval * 1_000_000);

        Assert.Equal(slot + Interval, NodePollSchedule.NextAfter("node-7", slot, Interval));
        Assert.Equal(slot + Interval, NodePollSchedule.NextAfter("node-7", slot + TimeSpan.FromSeconds(3.5), Interval));
        Assert.Equal(slot, NodePollSchedule.NextAfter("node-7", slot - TimeSpan.FromMilliseconds(1), Interval));
        Assert.Equal(slot + (Interval * 2), NodePollSchedule.NextAfter("node-7", slot + Interval + TimeSpan.FromTicks(1), Interval));
    }

    [Fact]
    public void NextAfter_IsAlwaysLaterButAtMostOneInterval()
    {
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var offset = TimeSpan.Zero; offset < TimeSpan.FromSeconds(40); offset += TimeSpan.FromMilliseconds(137))
        {
            var now = start + offset;
            var next = NodePollSchedule.NextAfter("node-3", now, Interval);
            Assert.InRange(next - now, TimeSpan.FromTicks(1), Interval);
        }
    }
}

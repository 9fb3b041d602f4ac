using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Users;

namespace AnomalyConnect.Grains.Tests.Nodes;

public sealed class NodeCounterSetTests
{
    [Fact]
    public void WriteThenRead_GivesBackEveryCounter()
    {
        var counters = new Dictionary<(string, string), (long, long)>
        {
            [(ProtocolNames.Vless, "u-1")] = (1, 2),
            [(ProtocolNames.Hysteria2, "u-1")] = (long.MaxValue, 0),
            [(ProtocolNames.Vless, "пользователь-ü")] = (5_000_000_000, 7),
            [("future-protocol", new string('x', 300))] = (0, long.MaxValue),
        };

        var read = NodeCounterSet.Read(NodeCounterSet.Write(counters));

        Assert.Equal(counters.OrderBy(c => c.Key), read.OrderBy(c => c.Key));
    }

    [Fact]
    public void Read_WhenEmpty_GivesNoCounters()
    {
        Assert.Empty(NodeCounterSet.Read([]));
        Assert.Empty(NodeCounterSet.Read(NodeCounterSet.Write(new Dictionary<(string, string), (long, long)>())));
    }

    [Fact]
    public void Read_WhenTheVersionIsUnknown_Throws()
    {
        Assert.Throws<InvalidDataException>(() => NodeCounterSet.Read([2, 0]));
    }
}

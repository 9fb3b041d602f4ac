using System.Net;
using AnomalyConnect.Integrations.YooKassa;

namespace AnomalyConnect.Providers.Tests.YooKassa;

public sealed class YooKassaIpRangesTests
{
    [Theory]
    [InlineData("185.71.76.0")]
    [InlineData("185.71.76.31")]
    [InlineData("185.71.77.5")]
    [InlineData("77.75.153.0")]
    [InlineData("77.75.153.127")]
    [InlineData("77.75.156.11")]
    [InlineData("77.75.156.35")]
    [InlineData("77.75.154.128")]
    [InlineData("77.75.154.255")]
    [InlineData("2a02:5180::1")]
    [InlineData("2a02:5180:ffff:ffff::42")]
    [InlineData("::ffff:185.71.76.10")]
    [InlineData("::ffff:77.75.156.35")]
    public void Contains_WhenAddressIsYooKassas_IsTrue(string address)
    {
        Assert.True(YooKassaIpRanges.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("185.71.76.32")]
    [InlineData("185.71.77.32")]
    [InlineData("77.75.153.128")]
    [InlineData("77.75.156.12")]
    [InlineData("77.75.156.34")]
    [InlineData("77.75.154.127")]
    [InlineData("127.0.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2a02:5181::1")]
    [InlineData("::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("::ffff:127.0.0.1")]
    public void Contains_WhenAddressIsElsewhere_IsFalse(string address)
    {
        Assert.False(YooKassaIpRanges.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Contains_WhenAddressIsNull_IsFalse()
    {
        Assert.False(YooKassaIpRanges.Contains(null));
    }
}

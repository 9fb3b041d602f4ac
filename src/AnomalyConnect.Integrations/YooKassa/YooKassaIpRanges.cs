using System.Net;

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>The addresses YooKassa sends notifications from, as YooKassa publishes them.</summary>
public static class YooKassaIpRanges
{
    public static IReadOnlyList<IPNetwork> Networks { get; } =
    [
        IPNetwork.Parse("185.71.76.0/27"),
        IPNetwork.Parse("185.71.77.0/27"),
        IPNetwork.Parse("77.75.153.0/25"),
        IPNetwork.Parse("77.75.156.11/32"),
        IPNetwork.Parse("77.75.156.35/32"),
        IPNetwork.Parse("77.75.154.128/25"),
        IPNetwork.Parse("2a02:5180::/32"),
    ];

    public static bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d, which no IPv4 network contains.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var network in Networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }
        return false;
    }
}

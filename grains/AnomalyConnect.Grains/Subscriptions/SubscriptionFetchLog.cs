using System.Threading.Channels;
using AnomalyConnect.Contracts.Subscriptions;

namespace AnomalyConnect.Grains.Subscriptions;

/// <summary>
/// The in-process queue of subscription fetches, written to PostgreSQL in batches by <see cref="SubscriptionFetchWriter"/>.
/// A fetch never waits for it: when the queue is full (the database is away for long) new records are dropped,
/// since this is a log for operators, not state anything depends on.
/// </summary>
internal sealed class SubscriptionFetchLog
{
    public const int Capacity = 20_000;

    private readonly Channel<FetchRecord> channel = Channel.CreateBounded<FetchRecord>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
        SingleWriter = false,
    });

    public void Record(FetchRecord record) => channel.Writer.TryWrite(record);

    internal ChannelReader<FetchRecord> Reader => channel.Reader;
}

/// <summary>One fetch as the log stores it.</summary>
internal sealed record FetchRecord(string UserId, DateTimeOffset FetchedAt, string? UserAgent, string? Hwid, string? Address, DeviceDecision Decision);

using AnomalyConnect.Contracts.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>
/// One locked turn of a grain. Everything recorded here commits together with the state or not at all:
/// outbox messages to the outside world, timers, and secondary-key index entries.
/// </summary>
public sealed class GrainTurn<TState> where TState : class
{
    private readonly List<PendingOutboxMessage> outbox = [];
    private readonly Dictionary<string, DateTimeOffset?> timers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> indexes = new(StringComparer.Ordinal);
    private readonly List<NpgsqlBatchCommand> writes = [];

    internal GrainTurn(string key, TState? state, DateTimeOffset now, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Key = key;
        State = state;
        Existed = state is not null;
        Now = now;
        Connection = connection;
        Transaction = transaction;
    }

    public string Key { get; }

    /// <summary>The grain's state; null when it does not exist. Set it to create, set null to delete.</summary>
    public TState? State { get; set; }

    /// <summary>Whether the grain existed when the turn began.</summary>
    public bool Existed { get; }

    /// <summary>The time of this turn, from the injected clock.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The turn's connection, for grain-specific SQL that must commit with the state.</summary>
    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>Queues a message for the outside world, delivered after commit in order per <paramref name="partitionKey"/>.</summary>
    public void Send<TPayload>(string kind, string partitionKey, TPayload payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        outbox.Add(new PendingOutboxMessage(kind, partitionKey, GrainJson.Serialize(payload)));
    }

    /// <summary>Sets (or moves) the named timer to fire at <paramref name="dueAt"/>.</summary>
    public void SetTimer(string name, DateTimeOffset dueAt) => timers[name] = dueAt;

    /// <summary>Cancels the named timer if it is set.</summary>
    public void CancelTimer(string name) => timers[name] = null;

    /// <summary>Points the named secondary key at this grain; null removes it.</summary>
    public void SetIndex(string indexName, string? value) => indexes[indexName] = value;

    /// <summary>
    /// Queues grain-specific SQL to run with the turn's save, in the same round trip and in the order queued, before
    /// the state is written. Only for writes that nothing later in the turn reads back.
    /// </summary>
    public void Write(NpgsqlBatchCommand command) => writes.Add(command);

    internal IReadOnlyList<PendingOutboxMessage> Outbox => outbox;

    internal IReadOnlyList<NpgsqlBatchCommand> Writes => writes;

    internal IReadOnlyDictionary<string, DateTimeOffset?> Timers => timers;

    internal IReadOnlyDictionary<string, string?> Indexes => indexes;
}

internal sealed record PendingOutboxMessage(string Kind, string PartitionKey, string PayloadJson);

namespace AnomalyConnect.Contracts.Runtime;

/// <summary>An outbox entry being delivered: its payload and how many times delivery was attempted (this one included).</summary>
public sealed record OutboxEnvelope(long Id, string Kind, string PartitionKey, string PayloadJson, int Attempt, DateTimeOffset CreatedAt)
{
    public T Read<T>() => GrainJson.Deserialize<T>(PayloadJson);
}

namespace AnomalyConnect.Contracts.Runtime;

/// <summary>
/// Delivers one kind of outbox message to the outside world. Delivery is at least once: a handler must be
/// idempotent. Throwing schedules a retry with backoff; <see cref="PermanentDeliveryFailureException"/> gives up.
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken);
}

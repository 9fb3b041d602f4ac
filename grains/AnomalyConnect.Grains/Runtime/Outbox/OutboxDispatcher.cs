using AnomalyConnect.Contracts.Runtime;
using System.Collections.Frozen;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>
/// Delivers committed outbox entries with retries and exponential backoff. Each silo runs one; entries are
/// leased, so a silo that dies mid-delivery leaves its entries to the others once the lease runs out.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store,
    OutboxSignal signal,
    IEnumerable<IOutboxHandler> handlers,
    IOptions<GrainRuntimeOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int ClaimBatchSize = 64;
    private const int MaxErrorLength = 500;
    private readonly FrozenDictionary<string, IOutboxHandler> handlersByKind = handlers.ToFrozenDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly GrainRuntimeOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Deliveries run side by side in a fixed number of slots; a slow or hung delivery holds one slot,
        // never the loop, so the other partitions keep flowing.
        using var slots = new SemaphoreSlim(settings.OutboxParallelism, settings.OutboxParallelism);
        var inFlight = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var held = 0;
            try
            {
                await slots.WaitAsync(stoppingToken);
                held = 1;
                var asked = Math.Min(slots.CurrentCount + 1, ClaimBatchSize);
                var batch = await store.ClaimAsync(settings.SiloName, clock.GetUtcNow(), settings.OutboxLease, asked, stoppingToken);
                if (batch.Count == 0)
                {
                    slots.Release();
                    held = 0;
                    await signal.WaitAsync(settings.OutboxPollInterval, stoppingToken);
                    continue;
                }
                if (batch.Count > asked)
                {
                    LogClaimedMore(logger, batch.Count, asked);
                }
                held = 0; // from here each delivery holds, and releases, its own slot
                inFlight.RemoveAll(task => task.IsCompleted);
                await StartInSlotsAsync(batch, slots, message => DeliverInSlotAsync(message, slots, stoppingToken), inFlight, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A failed claim (the database away) gives its slot back, or a few failures would leave none.
                if (held > 0)
                {
                    slots.Release(held);
                }
                LogDispatchLoopFailed(logger, exception);
                await Task.Delay(settings.OutboxPollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await Task.WhenAll(inFlight).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>
    /// Starts one delivery per entry, each holding a slot; the first entry's slot is the caller's. Each further slot
    /// is taken just before its delivery starts, never all of them before the first: the deliveries already started
    /// give theirs back, so a batch larger than the free slots gets through rather than waiting for slots that only
    /// its own deliveries could free. (A claim of 16 was seen to lease 17 entries; see <see cref="OutboxStore.ClaimAsync"/>.)
    /// </summary>
    internal static async Task StartInSlotsAsync<T>(
        IReadOnlyList<T> batch, SemaphoreSlim slots, Func<T, Task> deliverInSlot, List<Task> inFlight, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0)
            {
                await slots.WaitAsync(cancellationToken);
            }
            inFlight.Add(deliverInSlot(batch[i]));
        }
    }

    private async Task DeliverInSlotAsync(OutboxEnvelope message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await DeliverAsync(message, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The entry stays leased and is retried once the lease runs out.
            LogDispatchLoopFailed(logger, exception);
        }
        finally
        {
            slots.Release();
            signal.Notify();
        }
    }

    private async Task DeliverAsync(OutboxEnvelope message, CancellationToken stoppingToken)
    {
        if (!handlersByKind.TryGetValue(message.Kind, out var handler))
        {
            LogNoHandler(logger, message.Kind, message.Id);
            await store.RetryLaterAsync(message.Id, settings.SiloName, clock.GetUtcNow() + settings.OutboxMaxBackoff,
                $"No handler for kind '{message.Kind}' in silo {settings.SiloName}.", stoppingToken);
            return;
        }

        using var deliveryTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deliveryTimeout.CancelAfter(settings.OutboxLease * 0.8);
        try
        {
            await handler.HandleAsync(message, deliveryTimeout.Token);
            await store.CompleteAsync(message.Id, settings.SiloName, stoppingToken);
        }
        catch (PermanentDeliveryFailureException exception)
        {
            LogDeadLettered(logger, message.Kind, message.Id, exception.Message);
            await store.MoveToDeadLetterAsync(message.Id, settings.SiloName, clock.GetUtcNow(), Truncate(exception.Message), stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + Backoff(message.Attempt);
            LogDeliveryFailed(logger, message.Kind, message.Id, message.Attempt, retryAt, exception.GetType().Name, exception.Message);
            await store.RetryLaterAsync(message.Id, settings.SiloName, retryAt,
                Truncate($"{exception.GetType().Name}: {exception.Message}"), stoppingToken);
        }
    }

    /// <summary>1 s, 2 s, 4 s … up to the configured ceiling, with up to 20 % jitter so retries of many entries spread out.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt - 1, 20)));
        var capped = exponential < settings.OutboxMaxBackoff ? exponential : settings.OutboxMaxBackoff;
        return capped + (capped * (Random.Shared.NextDouble() * 0.2));
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claimed {Claimed} outbox entries where {Asked} were asked for; the extra ones wait for a free slot")]
    private static partial void LogClaimedMore(ILogger logger, int claimed, int asked);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop failed; retrying after the poll interval")]
    private static partial void LogDispatchLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No outbox handler for kind {Kind} (entry {Id}); left for another silo")]
    private static partial void LogNoHandler(ILogger logger, string kind, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery of {Kind} entry {Id} failed on attempt {Attempt}; retry at {RetryAt:O}: {ErrorType}: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string kind, long id, int attempt, DateTimeOffset retryAt, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox entry {Id} of kind {Kind} can never be delivered and was moved to outbox_dead: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string kind, long id, string reason);
}

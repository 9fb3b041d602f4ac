namespace AnomalyConnect.Contracts.Bot;

/// <summary>
/// The sender's side of broadcasts. A running broadcast is leased by one process at a time. Recipients are claimed
/// (marked <c>sending</c>, committed) before their message goes out and given an outcome after: a crash can never send
/// anyone the message twice; a recipient claimed by a process that died is left <c>in_doubt</c>, not sent again.
/// </summary>
public interface IBroadcastQueue
{
    /// <summary>Takes a running broadcast whose lease is free or ran out (or is this owner's from before a restart).</summary>
    Task<BroadcastLease?> AcquireAsync(string owner, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>Extends the lease; false when another process took the broadcast over or it stopped running.</summary>
    Task<bool> RenewAsync(BroadcastLease lease, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>Marks up to <paramref name="count"/> pending recipients as being sent to, under the lease; empty when none are left or the lease was lost.</summary>
    Task<IReadOnlyList<long>> ClaimAsync(BroadcastLease lease, int count, CancellationToken cancellationToken);

    /// <summary>Records what happened to claimed recipients.</summary>
    Task RecordAsync(BroadcastLease lease, IReadOnlyList<BroadcastDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Ends the broadcast when nobody is left to claim; returns its final counts.</summary>
    Task<BroadcastView?> FinishAsync(BroadcastLease lease, CancellationToken cancellationToken);

    Task SetProgressMessageAsync(long broadcastId, long messageId, CancellationToken cancellationToken);
}

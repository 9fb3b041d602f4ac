namespace AnomalyConnect.Contracts.Bot;

/// <summary>
/// The bot's durable inbox. Long polling and the webhook both put every update here; an update is recorded once by its
/// <c>update_id</c> (Telegram redelivers after a lost acknowledgement) and then processed after commit, one at a time
/// per chat, in order. A crash mid-processing leaves the update queued, never lost.
/// </summary>
public interface ITelegramInbox
{
    /// <summary>Records one update (its JSON as Telegram sent it) and queues it for its chat.</summary>
    Task<InboxAdmission> AdmitAsync(string updateJson, CancellationToken cancellationToken);

    /// <summary>Whether processing of the update already finished (a redelivered queue entry is then skipped).</summary>
    Task<bool> IsProcessedAsync(long updateId, CancellationToken cancellationToken);

    Task MarkProcessedAsync(long updateId, CancellationToken cancellationToken);

    /// <summary>Forgets processed updates received before <paramref name="before"/>; Telegram redelivers for 24 hours at most.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

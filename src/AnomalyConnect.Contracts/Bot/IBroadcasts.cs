namespace AnomalyConnect.Contracts.Bot;

/// <summary>
/// Admin broadcasts: a draft fixes the recipients (Telegram users of a segment, minus chats that blocked the bot), then
/// the admin starts or cancels it. Sending is done by <see cref="IBroadcastQueue"/>.
/// </summary>
public interface IBroadcasts
{
    Task<BroadcastView> CreateDraftAsync(BroadcastDraft draft, CancellationToken cancellationToken);

    /// <summary>Draft → running; null when there is no such draft (already started, canceled, unknown).</summary>
    Task<BroadcastView?> StartAsync(long broadcastId, CancellationToken cancellationToken);

    /// <summary>Stops a draft or a running broadcast; recipients not reached yet are not messaged.</summary>
    Task<BroadcastView?> CancelAsync(long broadcastId, CancellationToken cancellationToken);

    Task<BroadcastView?> GetAsync(long broadcastId, CancellationToken cancellationToken);
}

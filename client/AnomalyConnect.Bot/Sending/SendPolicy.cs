namespace AnomalyConnect.Bot.Sending;

/// <summary>
/// How patient a send is with flood control: how long it may wait for a slot or a <c>retry_after</c>, how many calls it
/// makes in all, whether it keeps to one message a second in the chat, and whether the caller already took the first
/// call's slot from the rate limiter.
/// </summary>
internal sealed record SendPolicy(TimeSpan MaxWait, int MaxAttempts, bool PerChat, bool SlotTaken = false)
{
    /// <summary>Answering a user now: waits up to 10 s, then the update is retried from the outbox.</summary>
    public static SendPolicy Interactive { get; } = new(TimeSpan.FromSeconds(10), 3, PerChat: false);

    /// <summary>Outbox deliveries (reminders, prompts): a short <c>retry_after</c> (≤ 30 s) is waited out in place.</summary>
    public static SendPolicy Delivery { get; } = new(TimeSpan.FromSeconds(30), 3, PerChat: true);

    /// <summary>
    /// Broadcast: the sender took its rate slot before claiming the recipient (so the claim is followed by the call at
    /// once); flood control after that is waited out, since a claimed recipient must not be given up lightly.
    /// </summary>
    public static SendPolicy Broadcast { get; } = new(TimeSpan.FromSeconds(60), 6, PerChat: false, SlotTaken: true);
}

namespace AnomalyConnect.Contracts.Bot;

/// <summary>What the inbox did with an update.</summary>
public enum InboxAdmission
{
    /// <summary>New: recorded and queued for its chat.</summary>
    Admitted,

    /// <summary>Seen before (a redelivery): nothing was queued.</summary>
    Duplicate,

    /// <summary>New, but of a kind that belongs to no chat the bot answers: recorded as processed.</summary>
    NoChat,

    /// <summary>Not a Telegram update (no JSON object with a numeric update_id): nothing was recorded.</summary>
    Unreadable,
}

namespace AnomalyConnect.Contracts.Bot;

/// <summary>What happened to one claimed broadcast recipient.</summary>
public enum BroadcastOutcome
{
    Sent,

    /// <summary>The user blocked the bot or deleted their account.</summary>
    Blocked,

    /// <summary>Telegram refused the message for good (a bad chat, a 400).</summary>
    Failed,

    /// <summary>Certainly not delivered (flood control answered, the connection was refused): back to pending, sent later.</summary>
    NotSent,

    /// <summary>The send may or may not have reached Telegram (a timeout, a 5xx): never sent again.</summary>
    InDoubt,
}

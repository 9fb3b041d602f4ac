using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Bot;

/// <summary>
/// One Telegram chat as the bot sees it (key: the chat id): its language, whether the user blocked the bot, what the
/// bot is waiting for them to type, and the updates admitted for it.
/// </summary>
public interface ITelegramChatGrain : IGrain
{
    /// <summary>Records the update once and queues it in the chat's order; false when the update was seen before.</summary>
    Task<bool> AdmitUpdateAsync(TelegramUpdateAdmission update);

    /// <summary>The chat as committed, or null when it never wrote to the bot.</summary>
    Task<TelegramChatView?> GetAsync();

    /// <summary>The user blocked (or unblocked) the bot: nothing is sent to a blocked chat.</summary>
    Task SetBlockedAsync(bool blocked);

    /// <summary>What the next plain text of the user answers (a promo code…); null: nothing.</summary>
    Task SetPendingInputAsync(string? input);

    /// <summary>Records who invited the user, once; false when a referrer was recorded before.</summary>
    Task<bool> RecordReferralAsync(string referrer);

    /// <summary>A discount promo code to apply to the user's next purchase; null clears it.</summary>
    Task SetDiscountCodeAsync(string? code);
}

using System.Globalization;

namespace AnomalyConnect.Contracts.Bot;

/// <summary>Outbox kinds the bot delivers, and the partitions (orderings) its updates travel in.</summary>
public static class BotOutboxKinds
{
    /// <summary>An update from the inbox, processed by the bot.</summary>
    public const string TelegramUpdate = "telegram.update";

    /// <summary>A reminder or warning queued by the user grain (payload <c>UserNotification</c>).</summary>
    public const string UserNotification = "user.notification";

    /// <summary>One chat's updates, processed strictly one after another.</summary>
    public static string ChatPartition(long chatId) => "tg-chat:" + chatId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Pre-checkout queries must be answered within 10 seconds, so they do not queue behind the chat's other updates;
    /// nothing else in the chat depends on their order.
    /// </summary>
    public static string CheckoutPartition(long userId) => "tg-checkout:" + userId.ToString(CultureInfo.InvariantCulture);
}

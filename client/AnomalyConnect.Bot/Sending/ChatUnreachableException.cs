namespace AnomalyConnect.Bot.Sending;

/// <summary>The user blocked the bot or deleted their account (Telegram's 403). The chat is marked blocked; retrying cannot help.</summary>
public sealed class ChatUnreachableException(long chatId, Exception innerException)
    : Exception($"Chat {chatId} cannot be reached: the user blocked the bot or deleted the account.", innerException)
{
    public long ChatId { get; } = chatId;
}

using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Integrations.Telegram;

namespace AnomalyConnect.Bot.Updates;

/// <summary>
/// One update being answered: the chat, who sent it, in which language to answer, whether they are an admin, the
/// update id (an idempotency key for what it starts), the message the pressed button sat under, and the chat's memory.
/// </summary>
internal sealed record BotRequest(
    long ChatId,
    User From,
    BotTexts Texts,
    bool IsAdmin,
    long UpdateId,
    long? MessageId,
    TelegramChatView? Chat)
{
    public string IdempotencyKey(string purpose) => $"tg-{purpose}-{UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

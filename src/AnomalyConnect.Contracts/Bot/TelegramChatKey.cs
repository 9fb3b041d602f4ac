using System.Globalization;

namespace AnomalyConnect.Contracts.Bot;

/// <summary>The key of a chat's <see cref="ITelegramChatGrain"/>: the chat id in invariant digits.</summary>
public static class TelegramChatKey
{
    public static string Of(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);
}

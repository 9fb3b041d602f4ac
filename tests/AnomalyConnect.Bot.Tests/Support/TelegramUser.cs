using System.Text.Json.Nodes;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Bot.Tests.Support;

/// <summary>A person writing to the bot through the fake Bot API: their own chat id (in a private chat, their user id too).</summary>
public sealed class TelegramUser(FakeTelegramServer telegram, long chatId, string language = "ru", string firstName = "Test")
{
    private static long next = 600_000_000 + Random.Shared.Next(1_000_000) * 100L;

    // Messages this chat had before this object existed (an admin chat shared by tests) count as read.
    private int seen = telegram.MessagesTo(chatId).Count;

    public long ChatId { get; } = chatId;

    public static TelegramUser New(FakeTelegramServer telegram, string language = "ru", string firstName = "Test") =>
        new(telegram, Interlocked.Increment(ref next), language, firstName);

    public long Command(string command, string? argument = null) =>
        telegram.EnqueueUpdate(Speaking(FakeTelegramUpdates.Command(ChatId, command, argument, firstName)));

    public long Say(string text) => telegram.EnqueueUpdate(Speaking(FakeTelegramUpdates.Text(ChatId, text, firstName)));

    public long Press(string data, long messageId) =>
        telegram.EnqueueUpdate(Speaking(FakeTelegramUpdates.CallbackQuery(ChatId, data, messageId)));

    public long Send(JsonObject update) => telegram.EnqueueUpdate(Speaking(update));

    /// <summary>The first <paramref name="count"/> messages the bot sent to this chat (they count as read).</summary>
    public async Task<IReadOnlyList<FakeTelegramCall>> MessagesAsync(int count, TimeSpan? within = null)
    {
        var messages = await telegram.WaitForMessagesAsync(ChatId, count, within ?? TimeSpan.FromSeconds(15));
        seen = Math.Max(seen, count);
        return messages;
    }

    public IReadOnlyList<FakeTelegramCall> Messages => telegram.MessagesTo(ChatId);

    /// <summary>The first message not read yet, waiting for it if need be.</summary>
    public async Task<FakeTelegramCall> NextMessageAsync(TimeSpan? within = null)
    {
        var messages = await MessagesAsync(seen + 1, within);
        return messages[^1];
    }

    public Task<FakeTelegramCall> EditAsync(Func<FakeTelegramCall, bool> match, TimeSpan? within = null) =>
        telegram.WaitForCallAsync("editMessageText", call => call.ChatId == ChatId && call.Succeeded && match(call), within ?? TimeSpan.FromSeconds(15));

    /// <summary>Sets the sender's language (and that of everyone named in the update) to this user's.</summary>
    private JsonObject Speaking(JsonObject update)
    {
        foreach (var payload in update.Select(p => p.Value).OfType<JsonObject>())
        {
            if (payload["from"] is JsonObject from && from["is_bot"]?.GetValue<bool>() != true)
            {
                from["language_code"] = language;
            }
            if (payload["message"] is JsonObject message && message["from"] is JsonObject inner && inner["is_bot"]?.GetValue<bool>() != true)
            {
                inner["language_code"] = language;
            }
        }
        return update;
    }
}

using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// Updates as Telegram sends them, for <see cref="FakeTelegramServer.EnqueueUpdate"/> or for POSTing to a webhook
/// (set <c>update_id</c> yourself then). In a private chat the chat id is the user id.
/// </summary>
public static class FakeTelegramUpdates
{
    private static long nextIncomingMessageId = 1_000_000;
    private static long nextQueryId = 7_000_000_000;

    public static JsonObject Text(long chatId, string text, string firstName = "Test", string? username = null, DateTimeOffset? at = null) =>
        new()
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref nextIncomingMessageId),
                ["from"] = UserJson(chatId, firstName, username),
                ["chat"] = PrivateChatJson(chatId, firstName, username),
                ["date"] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
                ["text"] = text,
            },
        };

    /// <summary>A command such as <c>/start ref123</c>, with the <c>bot_command</c> entity Telegram adds.</summary>
    public static JsonObject Command(long chatId, string command, string? argument = null, string firstName = "Test")
    {
        var name = command.StartsWith('/') ? command : "/" + command;
        var update = Text(chatId, argument is null ? name : $"{name} {argument}", firstName);
        update["message"]!["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = name.Length, ["type"] = "bot_command" });
        return update;
    }

    /// <summary>A press on a button with <paramref name="data"/> under the bot's message <paramref name="messageId"/>.</summary>
    public static JsonObject CallbackQuery(long chatId, string data, long messageId, string? messageText = null, string? queryId = null) =>
        new()
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = queryId ?? NextQueryId(),
                ["from"] = UserJson(chatId, "Test", null),
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["from"] = UserJson(FakeTelegramServer.BotIdOf(FakeTelegramServer.DefaultToken), "Anomaly Test Bot", "anomaly_test_bot", isBot: true),
                    ["chat"] = PrivateChatJson(chatId, "Test", null),
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["text"] = messageText ?? "…",
                },
                ["chat_instance"] = "-" + chatId,
                ["data"] = data,
            },
        };

    public static JsonObject PreCheckoutQuery(long userId, string currency, long totalAmount, string invoicePayload, string? queryId = null) =>
        new()
        {
            ["pre_checkout_query"] = new JsonObject
            {
                ["id"] = queryId ?? NextQueryId(),
                ["from"] = UserJson(userId, "Test", null),
                ["currency"] = currency,
                ["total_amount"] = totalAmount,
                ["invoice_payload"] = invoicePayload,
            },
        };

    public static JsonObject SuccessfulPayment(
        long chatId, string currency, long totalAmount, string invoicePayload, string telegramPaymentChargeId, string? providerPaymentChargeId = null)
    {
        var update = Text(chatId, "unused");
        var message = update["message"]!.AsObject();
        message.Remove("text");
        message["successful_payment"] = new JsonObject
        {
            ["currency"] = currency,
            ["total_amount"] = totalAmount,
            ["invoice_payload"] = invoicePayload,
            ["telegram_payment_charge_id"] = telegramPaymentChargeId,
            ["provider_payment_charge_id"] = providerPaymentChargeId ?? (currency == "XTR" ? string.Empty : "yk-" + telegramPaymentChargeId),
        };
        return update;
    }

    /// <summary>The user blocked the bot: <c>my_chat_member</c> with the bot going from member to kicked.</summary>
    public static JsonObject BotBlocked(long chatId, long? botId = null) => MyChatMember(chatId, "member", "kicked", botId);

    public static JsonObject BotUnblocked(long chatId, long? botId = null) => MyChatMember(chatId, "kicked", "member", botId);

    /// <summary>An update of any kind, e.g. one the bot does not model: <c>{kind: payload}</c>.</summary>
    public static JsonObject Raw(string kind, JsonObject payload) => new() { [kind] = payload };

    private static JsonObject MyChatMember(long chatId, string oldStatus, string newStatus, long? botId)
    {
        var bot = UserJson(botId ?? FakeTelegramServer.BotIdOf(FakeTelegramServer.DefaultToken), "Anomaly Test Bot", "anomaly_test_bot", isBot: true);
        return new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = PrivateChatJson(chatId, "Test", null),
                ["from"] = UserJson(chatId, "Test", null),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["old_chat_member"] = new JsonObject { ["status"] = oldStatus, ["user"] = bot.DeepClone() },
                ["new_chat_member"] = newStatus == "kicked"
                    ? new JsonObject { ["status"] = newStatus, ["user"] = bot.DeepClone(), ["until_date"] = 0 }
                    : new JsonObject { ["status"] = newStatus, ["user"] = bot.DeepClone() },
            },
        };
    }

    internal static JsonObject UserJson(long id, string firstName, string? username, bool isBot = false)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = isBot, ["first_name"] = firstName };
        if (username is not null)
        {
            user["username"] = username;
        }
        if (!isBot)
        {
            user["language_code"] = "ru";
        }
        return user;
    }

    internal static JsonObject PrivateChatJson(long id, string firstName, string? username)
    {
        var chat = new JsonObject { ["id"] = id, ["first_name"] = firstName, ["type"] = "private" };
        if (username is not null)
        {
            chat["username"] = username;
        }
        return chat;
    }

    private static string NextQueryId() => Interlocked.Increment(ref nextQueryId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

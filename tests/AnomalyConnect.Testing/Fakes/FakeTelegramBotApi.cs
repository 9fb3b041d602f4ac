using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// The fake's Bot API methods other than update delivery: sent messages get per-chat increasing ids and are kept so
/// that edits can be checked; requests are validated against Telegram's documented limits.
/// </summary>
internal sealed class FakeTelegramBotApi(JsonObject botUser, TimeProvider clock)
{
    private const string Blocked = "Forbidden: bot was blocked by the user";
    private const string Deactivated = "Forbidden: user is deactivated";

    private readonly Lock gate = new();
    private readonly Dictionary<long, long> lastMessageIds = [];
    private readonly Dictionary<(long Chat, long Message), JsonObject> messages = [];
    private readonly Dictionary<long, string> unreachableChats = [];
    private readonly HashSet<string> refundedCharges = new(StringComparer.Ordinal);
    private long nextFileId;

    public void SetUnreachable(long chatId, bool deactivated)
    {
        lock (gate)
        {
            unreachableChats[chatId] = deactivated ? Deactivated : Blocked;
        }
    }

    public void SetReachable(long chatId)
    {
        lock (gate)
        {
            unreachableChats.Remove(chatId);
        }
    }

    public IReadOnlyCollection<string> RefundedCharges
    {
        get
        {
            lock (gate)
            {
                return refundedCharges.ToArray();
            }
        }
    }

    public FakeTelegramAnswer Handle(string method, JsonObject p, IReadOnlyDictionary<string, FakeTelegramFile> files)
    {
        lock (gate)
        {
            if (FakeTelegramParameters.Long(p, "chat_id") is { } chat && unreachableChats.TryGetValue(chat, out var why))
            {
                return FakeTelegramAnswer.Error(403, why);
            }
            return method.ToLowerInvariant() switch
            {
                "getme" => FakeTelegramAnswer.Ok(botUser.DeepClone()),
                "sendmessage" => SendMessage(p),
                "sendphoto" => SendPhoto(p, files),
                "editmessagetext" => EditMessageText(p),
                "answercallbackquery" => Required(p, "callback_query_id") ?? FakeTelegramAnswer.Ok(true),
                "sendinvoice" => SendInvoice(p),
                "answerprecheckoutquery" => AnswerPreCheckoutQuery(p),
                "refundstarpayment" => RefundStarPayment(p),
                _ => FakeTelegramAnswer.NotFound(),
            };
        }
    }

    private FakeTelegramAnswer SendMessage(JsonObject p)
    {
        if (FakeTelegramParameters.Long(p, "chat_id") is not { } chatId)
        {
            return FakeTelegramAnswer.BadRequest("chat_id is empty");
        }
        var text = FakeTelegramParameters.String(p, "text");
        if (FakeTelegramValidation.Text(text, p, 4096, "message text") is { } problem)
        {
            return problem;
        }
        if (FakeTelegramValidation.Keyboard(p) is { } badKeyboard)
        {
            return badKeyboard;
        }
        var message = NewMessage(chatId);
        message["text"] = text;
        CopyIfPresent(p, message, "reply_markup");
        CopyIfPresent(p, message, "link_preview_options");
        return FakeTelegramAnswer.Ok(message.DeepClone());
    }

    private FakeTelegramAnswer SendPhoto(JsonObject p, IReadOnlyDictionary<string, FakeTelegramFile> files)
    {
        if (FakeTelegramParameters.Long(p, "chat_id") is not { } chatId)
        {
            return FakeTelegramAnswer.BadRequest("chat_id is empty");
        }
        var caption = FakeTelegramParameters.String(p, "caption");
        if (caption is not null && FakeTelegramValidation.Text(caption, p, 1024, "message caption") is { } problem)
        {
            return problem;
        }
        if (FakeTelegramValidation.Keyboard(p) is { } badKeyboard)
        {
            return badKeyboard;
        }
        var (width, height, size) = (320, 320, 0L);
        if (files.TryGetValue("photo", out var upload))
        {
            if (!FakeTelegramValidation.IsPng(upload.Content) && !FakeTelegramValidation.IsJpeg(upload.Content))
            {
                return FakeTelegramAnswer.BadRequest("IMAGE_PROCESS_FAILED");
            }
            (width, height) = FakeTelegramValidation.IsPng(upload.Content) ? FakeTelegramValidation.PngSize(upload.Content) : (width, height);
            size = upload.Content.Length;
        }
        else if (FakeTelegramParameters.String(p, "photo") is not { Length: > 0 })
        {
            return FakeTelegramAnswer.BadRequest("there is no photo in the request");
        }
        var fileId = "AgACAgIAAxkDAAF" + (++nextFileId).ToString(CultureInfo.InvariantCulture);
        var message = NewMessage(chatId);
        message["photo"] = new JsonArray(new JsonObject
        {
            ["file_id"] = fileId,
            ["file_unique_id"] = "AQAD" + nextFileId.ToString(CultureInfo.InvariantCulture),
            ["width"] = width,
            ["height"] = height,
            ["file_size"] = size,
        });
        if (caption is not null)
        {
            message["caption"] = caption;
        }
        CopyIfPresent(p, message, "reply_markup");
        return FakeTelegramAnswer.Ok(message.DeepClone());
    }

    private FakeTelegramAnswer EditMessageText(JsonObject p)
    {
        var text = FakeTelegramParameters.String(p, "text");
        if (FakeTelegramValidation.Text(text, p, 4096, "message text") is { } problem)
        {
            return problem;
        }
        if (FakeTelegramValidation.Keyboard(p) is { } badKeyboard)
        {
            return badKeyboard;
        }
        if (FakeTelegramParameters.String(p, "inline_message_id") is not null)
        {
            return FakeTelegramAnswer.Ok(true);
        }
        if (FakeTelegramParameters.Long(p, "chat_id") is not { } chatId || FakeTelegramParameters.Long(p, "message_id") is not { } messageId)
        {
            return FakeTelegramAnswer.BadRequest("message identifier is not specified");
        }
        if (!messages.TryGetValue((chatId, messageId), out var message))
        {
            return FakeTelegramAnswer.BadRequest("message to edit not found");
        }
        if (message["text"] is null)
        {
            return FakeTelegramAnswer.BadRequest("there is no text in the message to edit");
        }
        var newMarkup = p["reply_markup"];
        if (FakeTelegramParameters.String(message, "text") == text && JsonNode.DeepEquals(message["reply_markup"], newMarkup))
        {
            return FakeTelegramAnswer.BadRequest(
                "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }
        message["text"] = text;
        message["edit_date"] = clock.GetUtcNow().ToUnixTimeSeconds();
        message.Remove("reply_markup");
        CopyIfPresent(p, message, "reply_markup");
        return FakeTelegramAnswer.Ok(message.DeepClone());
    }

    private FakeTelegramAnswer SendInvoice(JsonObject p)
    {
        if (FakeTelegramParameters.Long(p, "chat_id") is not { } chatId)
        {
            return FakeTelegramAnswer.BadRequest("chat_id is empty");
        }
        var title = FakeTelegramParameters.String(p, "title");
        var description = FakeTelegramParameters.String(p, "description");
        var payload = FakeTelegramParameters.String(p, "payload");
        var currency = FakeTelegramParameters.String(p, "currency");
        var providerToken = FakeTelegramParameters.String(p, "provider_token") ?? string.Empty;
        if (title is not { Length: >= 1 and <= 32 })
        {
            return FakeTelegramAnswer.BadRequest("INVOICE_TITLE_INVALID: the title must be 1-32 characters");
        }
        if (description is not { Length: >= 1 and <= 255 })
        {
            return FakeTelegramAnswer.BadRequest("INVOICE_DESCRIPTION_INVALID: the description must be 1-255 characters");
        }
        if (payload is null || Encoding.UTF8.GetByteCount(payload) is < 1 or > 128)
        {
            return FakeTelegramAnswer.BadRequest("INVOICE_PAYLOAD_INVALID: the payload must be 1-128 bytes");
        }
        if (currency is not { Length: 3 })
        {
            return FakeTelegramAnswer.BadRequest("CURRENCY_INVALID");
        }
        if (p["prices"] is not JsonArray prices || prices.Count == 0 || prices.Any(i => i is not JsonObject price
                || FakeTelegramParameters.String(price, "label") is not { Length: > 0 }
                || FakeTelegramParameters.Long(price, "amount") is null))
        {
            return FakeTelegramAnswer.BadRequest("can't parse prices JSON object");
        }
        var total = prices.OfType<JsonObject>().Sum(price => FakeTelegramParameters.Long(price, "amount")!.Value);
        if (total <= 0)
        {
            return FakeTelegramAnswer.BadRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
        }
        if (currency == "XTR" && (providerToken.Length > 0 || prices.Count != 1))
        {
            return FakeTelegramAnswer.BadRequest("Telegram Stars invoices need an empty provider_token and exactly one price");
        }
        if (currency != "XTR" && providerToken.Length == 0)
        {
            return FakeTelegramAnswer.BadRequest("PAYMENT_PROVIDER_INVALID");
        }
        if (FakeTelegramValidation.Keyboard(p) is { } badKeyboard)
        {
            return badKeyboard;
        }
        var message = NewMessage(chatId);
        message["invoice"] = new JsonObject
        {
            ["title"] = title,
            ["description"] = description,
            ["start_parameter"] = FakeTelegramParameters.String(p, "start_parameter") ?? string.Empty,
            ["currency"] = currency,
            ["total_amount"] = total,
        };
        CopyIfPresent(p, message, "reply_markup");
        return FakeTelegramAnswer.Ok(message.DeepClone());
    }

    private static FakeTelegramAnswer AnswerPreCheckoutQuery(JsonObject p)
    {
        if (Required(p, "pre_checkout_query_id") is { } missing)
        {
            return missing;
        }
        return FakeTelegramParameters.Bool(p, "ok") switch
        {
            null => FakeTelegramAnswer.BadRequest("parameter \"ok\" is required"),
            false when FakeTelegramParameters.String(p, "error_message") is not { Length: > 0 } =>
                FakeTelegramAnswer.BadRequest("ERROR_MESSAGE_EMPTY"),
            _ => FakeTelegramAnswer.Ok(true),
        };
    }

    private FakeTelegramAnswer RefundStarPayment(JsonObject p)
    {
        if (FakeTelegramParameters.Long(p, "user_id") is null)
        {
            return FakeTelegramAnswer.BadRequest("user_id is empty");
        }
        if (FakeTelegramParameters.String(p, "telegram_payment_charge_id") is not { Length: > 0 } charge)
        {
            return FakeTelegramAnswer.BadRequest("CHARGE_ID_EMPTY");
        }
        return refundedCharges.Add(charge) ? FakeTelegramAnswer.Ok(true) : FakeTelegramAnswer.BadRequest("CHARGE_ALREADY_REFUNDED");
    }

    private JsonObject NewMessage(long chatId)
    {
        var id = lastMessageIds[chatId] = lastMessageIds.GetValueOrDefault(chatId) + 1;
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = botUser.DeepClone(),
            ["chat"] = chatId > 0
                ? FakeTelegramUpdates.PrivateChatJson(chatId, "Test", null)
                : new JsonObject { ["id"] = chatId, ["title"] = "Test group", ["type"] = "supergroup" },
            ["date"] = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        messages[(chatId, id)] = message;
        return message;
    }

    private static FakeTelegramAnswer? Required(JsonObject p, string name) =>
        FakeTelegramParameters.String(p, name) is { Length: > 0 } ? null : FakeTelegramAnswer.BadRequest($"{name} is empty");

    private static void CopyIfPresent(JsonObject from, JsonObject to, string name)
    {
        if (from[name] is { } value)
        {
            to[name] = value.DeepClone();
        }
    }
}

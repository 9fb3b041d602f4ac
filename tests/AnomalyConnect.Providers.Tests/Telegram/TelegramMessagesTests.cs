using System.Text.Json.Nodes;
using AnomalyConnect.Integrations.Telegram;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Providers.Tests.Telegram;

public sealed class TelegramMessagesTests
{
    private const long ChatId = 5151;

    // The 8-byte PNG signature and an IHDR chunk for a 2×3 image: enough for Telegram's (and the fake's) sniffing.
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x08, 0x06, 0x00, 0x00, 0x00, 0x00, 0xFF, 0x00, 0x7F,
    ];

    [Fact]
    public async Task GetMe_WhenTokenIsRight_ReturnsTheBot()
    {
        await using var t = TelegramHarness.Start();

        var me = await t.Client.GetMeAsync();

        Assert.True(me.IsBot);
        Assert.Equal(t.Server.BotId, me.Id);
        Assert.Equal(t.Server.BotUsername, me.Username);
    }

    [Fact]
    public async Task SendMessage_WithInlineKeyboard_SendsTelegramsJsonShape()
    {
        await using var t = TelegramHarness.Start();
        var keyboard = InlineKeyboardMarkup.Rows(
            [InlineKeyboardButton.WithCallbackData("30 days — 199 ₽", "buy:30d"), InlineKeyboardButton.WithCallbackData("Stars", "stars:30d")],
            [InlineKeyboardButton.WithUrl("Help", "https://t.me/anomaly_help")]);

        var sent = await t.Client.SendMessageAsync(ChatId, "<b>Choose</b> a tariff", ParseMode.Html, keyboard, LinkPreviewOptions.Disabled);

        var call = Assert.Single(t.Server.CallsTo("sendMessage"));
        var expected = JsonNode.Parse("""
            {
              "chat_id": 5151,
              "text": "<b>Choose</b> a tariff",
              "parse_mode": "HTML",
              "reply_markup": {"inline_keyboard": [
                [{"text": "30 days — 199 ₽", "callback_data": "buy:30d"}, {"text": "Stars", "callback_data": "stars:30d"}],
                [{"text": "Help", "url": "https://t.me/anomaly_help"}]
              ]},
              "link_preview_options": {"is_disabled": true}
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, call.Parameters), call.Parameters.ToJsonString());
        Assert.Equal(call.MessageId, sent.MessageId);
        Assert.Equal(ChatId, sent.Chat.Id);
        Assert.Equal(["buy:30d", "stars:30d"], sent.ReplyMarkup!.InlineKeyboard[0].Select(b => b.CallbackData));
    }

    [Fact]
    public async Task SendMessage_WhenSentTwice_GetsIncreasingMessageIds()
    {
        await using var t = TelegramHarness.Start();

        var first = await t.Client.SendMessageAsync(ChatId, "one");
        var second = await t.Client.SendMessageAsync(ChatId, "two");

        Assert.True(second.MessageId > first.MessageId);
        var messages = await t.Server.WaitForMessagesAsync(ChatId, 2, TimeSpan.FromSeconds(1));
        Assert.Equal(["one", "two"], messages.Select(m => m.Text));
    }

    [Fact]
    public async Task SendMessage_WhenHtmlIsUnescaped_IsRejectedLikeTelegram()
    {
        await using var t = TelegramHarness.Start();

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.SendMessageAsync(ChatId, "Hi <Bob & Co>", ParseMode.Html));

        Assert.Equal(400, e.ErrorCode);
        Assert.Contains("can't parse entities", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendPhoto_WithPngBytes_UploadsMultipartWithBytesCaptionAndKeyboard()
    {
        await using var t = TelegramHarness.Start();
        var keyboard = InlineKeyboardMarkup.Column(InlineKeyboardButton.WithCallbackData("Back", "menu"));

        var sent = await t.Client.SendPhotoAsync(ChatId, Png, "Your <i>QR</i> code", ParseMode.Html, keyboard);

        var call = Assert.Single(t.Server.MessagesTo(ChatId));
        Assert.Equal("sendPhoto", call.Method);
        var photo = call.Files["photo"];
        Assert.Equal(Png, photo.Content);
        Assert.Equal("image/png", photo.ContentType);
        Assert.Equal("Your <i>QR</i> code", call.Text);
        Assert.Equal("HTML", call.ParseMode);
        Assert.Equal(["menu"], call.CallbackData);
        Assert.Equal((2, 3), (sent.Photo![0].Width, sent.Photo[0].Height));
        Assert.Equal("Your <i>QR</i> code", sent.Caption);
    }

    [Fact]
    public async Task EditMessageText_WhenMessageExists_ReplacesTextAndKeyboard()
    {
        await using var t = TelegramHarness.Start();
        var sent = await t.Client.SendMessageAsync(ChatId, "Pay 199 ₽", replyMarkup: InlineKeyboardMarkup.Column(InlineKeyboardButton.WithCallbackData("Pay", "pay")));

        var edited = await t.Client.EditMessageTextAsync(ChatId, sent.MessageId, "Paid, thank you");

        Assert.Equal(sent.MessageId, edited.MessageId);
        Assert.Equal("Paid, thank you", edited.Text);
        Assert.Null(edited.ReplyMarkup);
        Assert.NotNull(edited.EditDate);
    }

    [Fact]
    public async Task EditMessageText_WhenNothingChanges_ThrowsNotModified()
    {
        await using var t = TelegramHarness.Start();
        var sent = await t.Client.SendMessageAsync(ChatId, "same");

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.EditMessageTextAsync(ChatId, sent.MessageId, "same"));

        Assert.Equal(400, e.ErrorCode);
        Assert.StartsWith("Bad Request: message is not modified", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerCallbackQuery_WithAlert_SendsIdTextAndFlag()
    {
        await using var t = TelegramHarness.Start();

        await t.Client.AnswerCallbackQueryAsync("cbq-9", "Done", showAlert: true);

        var call = await t.Server.WaitForCallAsync("answerCallbackQuery");
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"callback_query_id": "cbq-9", "text": "Done", "show_alert": true}"""), call.Parameters), call.Parameters.ToJsonString());
    }

    [Fact]
    public async Task SendInvoice_ForStars_SendsEmptyProviderTokenAndXtrPrice()
    {
        await using var t = TelegramHarness.Start();

        var sent = await t.Client.SendInvoiceAsync(new SendInvoiceRequest
        {
            ChatId = ChatId,
            Title = "30 days",
            Description = "VPN access for 30 days",
            Payload = "payment:abc",
            Currency = TelegramCurrencies.Stars,
            Prices = [new LabeledPrice("30 days", 150)],
        });

        var call = Assert.Single(t.Server.MessagesTo(ChatId));
        Assert.Equal(sent.MessageId, call.MessageId);
        Assert.Equal(string.Empty, (string?)call.Parameters["provider_token"]);
        Assert.Equal("XTR", (string?)call.Parameters["currency"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"label": "30 days", "amount": 150}]"""), call.Parameters["prices"]));
        Assert.Null(call.Parameters["need_email"]);
    }

    [Fact]
    public async Task SendInvoice_WhenRublesWithoutProviderToken_IsRejected()
    {
        await using var t = TelegramHarness.Start();

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.SendInvoiceAsync(new SendInvoiceRequest
        {
            ChatId = ChatId,
            Title = "30 days",
            Description = "VPN access",
            Payload = "payment:abc",
            Currency = TelegramCurrencies.Rub,
            Prices = [new LabeledPrice("30 days", 19900)],
        }));

        Assert.Equal((400, "Bad Request: PAYMENT_PROVIDER_INVALID"), (e.ErrorCode, e.Description));
    }

    [Fact]
    public async Task AnswerPreCheckoutQuery_WhenRefused_SendsErrorMessage()
    {
        await using var t = TelegramHarness.Start();

        await t.Client.AnswerPreCheckoutQueryAsync("pcq-1", ok: false, errorMessage: "The tariff is no longer sold");

        var call = await t.Server.WaitForCallAsync("answerPreCheckoutQuery");
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"pre_checkout_query_id": "pcq-1", "ok": false, "error_message": "The tariff is no longer sold"}"""), call.Parameters));
    }

    [Fact]
    public async Task RefundStarPayment_WhenRefundedTwice_SecondIsAlreadyRefunded()
    {
        await using var t = TelegramHarness.Start();

        await t.Client.RefundStarPaymentAsync(ChatId, "stxCharge1");
        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.RefundStarPaymentAsync(ChatId, "stxCharge1"));

        Assert.Equal("Bad Request: CHARGE_ALREADY_REFUNDED", e.Description);
        Assert.Equal(["stxCharge1"], t.Server.RefundedCharges);
    }

    [Fact]
    public void WithCallbackData_WhenLongerThan64Bytes_Throws()
    {
        var sixtySixBytes = new string('ж', 33);

        Assert.Throws<ArgumentException>(() => InlineKeyboardButton.WithCallbackData("x", sixtySixBytes));
    }
}

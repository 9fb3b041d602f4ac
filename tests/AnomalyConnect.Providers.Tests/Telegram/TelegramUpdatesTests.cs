using System.Diagnostics;
using System.Text.Json.Nodes;
using AnomalyConnect.Integrations.Telegram;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Providers.Tests.Telegram;

public sealed class TelegramUpdatesTests
{
    private const long ChatId = 424242;

    [Fact]
    public async Task GetUpdates_WhenOffsetIsPastEarlierUpdates_ConfirmsAndDropsThem()
    {
        await using var t = TelegramHarness.Start();
        var first = t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(ChatId, "one"));
        var second = t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(ChatId, "two"));

        var all = await t.Client.GetUpdatesAsync();
        var again = await t.Client.GetUpdatesAsync();
        var afterFirst = await t.Client.GetUpdatesAsync(offset: first + 1);
        var afterSecond = await t.Client.GetUpdatesAsync(offset: second + 1);

        Assert.Equal([first, second], all.Select(u => u.UpdateId));
        Assert.Equal(["one", "two"], all.Select(u => u.Message?.Text));
        Assert.Equal(2, again.Count);
        Assert.Equal([second], afterFirst.Select(u => u.UpdateId));
        Assert.Empty(afterSecond);
        Assert.Equal(0, t.Server.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_WhenLimitIsSmallerThanQueue_ReturnsOldestFirst()
    {
        await using var t = TelegramHarness.Start();
        var ids = Enumerable.Range(0, 5).Select(i => t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(ChatId, $"m{i}"))).ToArray();

        var page = await t.Client.GetUpdatesAsync(limit: 2);
        var next = await t.Client.GetUpdatesAsync(offset: page[^1].UpdateId + 1, limit: 2);

        Assert.Equal(ids[..2], page.Select(u => u.UpdateId));
        Assert.Equal(ids[2..4], next.Select(u => u.UpdateId));
    }

    [Fact]
    public async Task GetUpdates_WhenUpdateArrivesDuringLongPoll_ReturnsItAtOnce()
    {
        await using var t = TelegramHarness.Start();
        var poll = t.Client.GetUpdatesAsync(timeoutSeconds: 30);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(t.Server.HeldPolls == 1), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10)));
        var watch = Stopwatch.StartNew();

        t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(ChatId, "late"));
        var updates = await poll;

        Assert.Equal("late", Assert.Single(updates).Message?.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetUpdates_WhenNothingArrives_ReturnsEmptyAfterTimeout()
    {
        await using var t = TelegramHarness.Start();
        var watch = Stopwatch.StartNew();

        var updates = await t.Client.GetUpdatesAsync(timeoutSeconds: 1);

        Assert.Empty(updates);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task GetUpdates_WhenUpdateKindIsUnknown_ParsesWithIdOnly()
    {
        await using var t = TelegramHarness.Start();
        var unknown = t.Server.EnqueueUpdate(FakeTelegramUpdates.Raw("business_message", new JsonObject { ["message_id"] = 1, ["anything"] = new JsonArray(1, 2) }));
        var text = FakeTelegramUpdates.Text(ChatId, "hi");
        text["message"]!["brand_new_field"] = new JsonObject { ["nested"] = true };
        t.Server.EnqueueUpdate(text);

        var updates = await t.Client.GetUpdatesAsync();

        Assert.Equal(2, updates.Count);
        Assert.Equal(unknown, updates[0].UpdateId);
        Assert.Null(updates[0].Message);
        Assert.Null(updates[0].CallbackQuery);
        Assert.Null(updates[0].ParseError);
        Assert.Equal("hi", updates[1].Message?.Text);
    }

    [Fact]
    public async Task GetUpdates_WhenKnownFieldHasUnexpectedShape_KeepsBatchAndFlagsThatUpdate()
    {
        await using var t = TelegramHarness.Start();
        var broken = t.Server.EnqueueUpdate(new JsonObject { ["message"] = "not an object" });
        t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(ChatId, "fine"));

        var updates = await t.Client.GetUpdatesAsync();

        Assert.Equal(broken, updates[0].UpdateId);
        Assert.NotNull(updates[0].ParseError);
        Assert.Equal("fine", updates[1].Message?.Text);
    }

    [Fact]
    public async Task GetUpdates_WithCallbackPreCheckoutAndPayment_ReadsTypedFields()
    {
        await using var t = TelegramHarness.Start();
        t.Server.EnqueueUpdate(FakeTelegramUpdates.CallbackQuery(ChatId, "buy:30d", messageId: 17, queryId: "cbq-1"));
        t.Server.EnqueueUpdate(FakeTelegramUpdates.PreCheckoutQuery(ChatId, "XTR", 150, "pay-1", queryId: "pcq-1"));
        t.Server.EnqueueUpdate(FakeTelegramUpdates.SuccessfulPayment(ChatId, "XTR", 150, "pay-1", "stxCharge1"));
        t.Server.EnqueueUpdate(FakeTelegramUpdates.Command(ChatId, "/start", "ref42"));

        var updates = await t.Client.GetUpdatesAsync();

        var callback = updates[0].CallbackQuery!;
        Assert.Equal(("cbq-1", "buy:30d", ChatId, 17L), (callback.Id, callback.Data, callback.From.Id, callback.Message!.MessageId));
        var checkout = updates[1].PreCheckoutQuery!;
        Assert.Equal(("pcq-1", "XTR", 150L, "pay-1", ChatId), (checkout.Id, checkout.Currency, checkout.TotalAmount, checkout.InvoicePayload, checkout.From.Id));
        var paid = updates[2].Message!.SuccessfulPayment!;
        Assert.Equal(("XTR", 150L, "pay-1", "stxCharge1"), (paid.Currency, paid.TotalAmount, paid.InvoicePayload, paid.TelegramPaymentChargeId));
        var start = updates[3].Message!;
        Assert.Equal(("/start ref42", ChatId, Chat.TypePrivate, "ru"), (start.Text, start.Chat.Id, start.Chat.Type, start.From!.LanguageCode));
    }

    [Fact]
    public async Task GetUpdates_WhenUserBlocksBot_MyChatMemberSaysBlocked()
    {
        await using var t = TelegramHarness.Start();
        t.Server.BlockChat(ChatId);
        t.Server.UnblockChat(ChatId);

        var updates = await t.Client.GetUpdatesAsync();

        Assert.True(updates[0].MyChatMember!.IsBlockedByUser);
        Assert.Equal(ChatId, updates[0].MyChatMember!.Chat.Id);
        Assert.True(updates[1].MyChatMember!.IsUnblockedByUser);
        Assert.False(updates[1].MyChatMember!.IsBlockedByUser);
    }

    [Fact]
    public async Task GetUpdates_WhenAllowedUpdatesExcludeAKind_DropsThatKind()
    {
        await using var t = TelegramHarness.Start();
        t.Server.EnqueueUpdate(FakeTelegramUpdates.CallbackQuery(ChatId, "x", 1));
        var message = t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(ChatId, "kept"));

        var updates = await t.Client.GetUpdatesAsync(allowedUpdates: [TelegramUpdateTypes.Message]);

        Assert.Equal([message], updates.Select(u => u.UpdateId));
    }

    [Fact]
    public async Task GetUpdates_WhenAnotherPollerStarts_FirstGetsConflict()
    {
        await using var t = TelegramHarness.Start();
        var first = t.Client.GetUpdatesAsync(timeoutSeconds: 10);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(t.Server.HeldPolls == 1), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10)));

        var second = t.Client.GetUpdatesAsync(timeoutSeconds: 1);
        var conflict = await Assert.ThrowsAsync<TelegramApiException>(() => first);

        Assert.Equal(409, conflict.ErrorCode);
        Assert.Empty(await second);
    }

    [Fact]
    public async Task GetUpdates_WhenWebhookIsSet_ThrowsConflict()
    {
        await using var t = TelegramHarness.Start();
        await t.Client.SetWebhookAsync("https://bot.example.com/webhooks/telegram", "s3cret");

        var e = await Assert.ThrowsAsync<TelegramApiException>(() => t.Client.GetUpdatesAsync());

        Assert.Equal(409, e.ErrorCode);
        Assert.Contains("webhook is active", e.Description, StringComparison.Ordinal);
        Assert.Equal("https://bot.example.com/webhooks/telegram", (await t.Client.GetWebhookInfoAsync()).Url);
        await t.Client.DeleteWebhookAsync();
        Assert.Empty(await t.Client.GetUpdatesAsync());
    }

    [Fact]
    public async Task DeleteWebhook_WhenDroppingPendingUpdates_EmptiesTheQueue()
    {
        await using var t = TelegramHarness.Start();
        t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(ChatId, "stale"));

        await t.Client.DeleteWebhookAsync(dropPendingUpdates: true);

        Assert.Empty(await t.Client.GetUpdatesAsync());
    }
}

using AnomalyConnect.Bot.Admin;
using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Bot.Conversations;
using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;

namespace AnomalyConnect.Bot.Updates;

/// <summary>
/// Routes one update by its shape, then by command or button, to the flow that answers it. Anything it does not
/// understand — a sticker, an unknown command, a huge text, a garbled button — gets a polite sentence and the menu.
/// Only private chats are answered: in a group the bot keeps quiet.
/// </summary>
internal sealed class UpdateDispatcher(
    BotSender sender,
    IGrainFactory grains,
    BotOptions options,
    MenuFlow menu,
    StartFlow start,
    AccessFlow access,
    TrialFlow trial,
    BuyFlow buy,
    CheckoutFlow checkout,
    PromoFlow promo,
    InfoFlow info,
    CorporateFlow corporate,
    AdminCommands admin,
    AdminUsers adminUsers,
    AdminBroadcasts adminBroadcasts)
{
    /// <summary>Longer texts are not read at all (no command or promo code is that long).</summary>
    public const int MaxTextLength = 1024;

    public async Task DispatchAsync(Update update, long chatId, CancellationToken cancellationToken)
    {
        switch (update)
        {
            case { PreCheckoutQuery: { } query }:
                await checkout.AnswerAsync(query, cancellationToken);
                return;
            case { MyChatMember: { } member } when member.Chat.Type == Chat.TypePrivate:
                await ChatGrain(chatId).SetBlockedAsync(member.NewChatMember.Status is ChatMember.StatusKicked);
                return;
            case { Message: { From: { } from } message } when message.Chat.Type == Chat.TypePrivate:
                var request = await RequestAsync(chatId, from, messageId: null, update.UpdateId);
                if (message.SuccessfulPayment is { } payment)
                {
                    await checkout.CompleteAsync(request, payment, cancellationToken);
                }
                else if (message.RefundedPayment is null)
                {
                    // A refund notice is Telegram's service message, not something the user said: nothing to answer.
                    await OnMessageAsync(request, message, cancellationToken);
                }
                return;
            case { CallbackQuery: { } callback } when callback.Message is null || callback.Message.Chat.Type == Chat.TypePrivate:
                await OnCallbackAsync(await RequestAsync(chatId, callback.From, callback.Message?.MessageId, update.UpdateId), callback, cancellationToken);
                return;
            case { ParseError: not null } when chatId > 0:
                // A known kind in a shape we could not read: still a person waiting for an answer.
                var texts = BotTexts.For((await ChatGrain(chatId).GetAsync())?.LanguageCode);
                await sender.SendTextAsync(chatId, texts.NotUnderstood, menu.Keyboard(texts), cancellationToken: cancellationToken);
                return;
            default:
                return;
        }
    }

    private async Task OnMessageAsync(BotRequest request, Message message, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (message.Text is not { } text)
        {
            await menu.SendAsync(request, texts.NotUnderstood, cancellationToken);
            return;
        }
        if (text.Length > MaxTextLength)
        {
            await menu.SendAsync(request, texts.TooLong, cancellationToken);
            return;
        }
        if (BotCommand.Parse(text) is { } command)
        {
            await ClearPendingInputAsync(request);
            await OnCommandAsync(request, command, cancellationToken);
            return;
        }
        if (request.Chat?.PendingInput == PromoFlow.PendingInput)
        {
            await promo.RedeemAsync(request, text, cancellationToken);
            return;
        }
        await menu.SendAsync(request, texts.NotUnderstood, cancellationToken);
    }

    private async Task OnCommandAsync(BotRequest request, BotCommand command, CancellationToken cancellationToken)
    {
        switch (command.Name)
        {
            case "start":
                await start.RunAsync(request, command.Arguments, cancellationToken);
                return;
            case "menu":
                await menu.SendAsync(request, request.Texts.Menu, cancellationToken);
                return;
            case "access" or "my" or "link":
                await access.ShowAsync(request, cancellationToken);
                return;
            case "qr":
                await access.SendQrAsync(request, cancellationToken);
                return;
            case "trial":
                await trial.StartAsync(request, cancellationToken);
                return;
            case "buy":
                await buy.ShowTariffsAsync(request, cancellationToken);
                return;
            case "promo" when command.Arguments.Length > 0:
                await promo.RedeemAsync(request, command.Arguments, cancellationToken);
                return;
            case "promo":
                await promo.AskAsync(request, cancellationToken);
                return;
            case "help" or "instructions":
                await info.ShowPlatformsAsync(request, cancellationToken);
                return;
            case "support":
                await info.ShowSupportAsync(request, cancellationToken);
                return;
            case "get_config":
                await corporate.RequestConfigAsync(request, cancellationToken);
                return;
            case "cancel":
                await menu.SendAsync(request, request.Texts.Menu, cancellationToken);
                return;
        }
        if (request.IsAdmin && await admin.TryRunAsync(request, command.Name, command.Arguments, cancellationToken))
        {
            return;
        }
        await menu.SendAsync(request, request.Texts.UnknownCommand, cancellationToken);
    }

    private async Task OnCallbackAsync(BotRequest request, CallbackQuery callback, CancellationToken cancellationToken)
    {
        var data = CallbackData.Parse(callback.Data);
        if (data is null || (data.Action is CallbackData.AdminUser or CallbackData.Broadcast && !request.IsAdmin))
        {
            await sender.AnswerCallbackAsync(callback.Id, request.Texts.OutdatedButton, cancellationToken: cancellationToken);
            await menu.SendAsync(request, request.Texts.Menu, cancellationToken);
            return;
        }
        await sender.AnswerCallbackAsync(callback.Id, cancellationToken: cancellationToken);
        if (data.Action != CallbackData.Promo)
        {
            await ClearPendingInputAsync(request);
        }
        switch (data.Action)
        {
            case CallbackData.Menu:
                await menu.ShowAsync(request, cancellationToken);
                return;
            case CallbackData.Access:
                await access.ShowAsync(request, cancellationToken);
                return;
            case CallbackData.Qr:
                await access.SendQrAsync(request, cancellationToken);
                return;
            case CallbackData.Buy:
                await buy.ShowTariffsAsync(request, cancellationToken);
                return;
            case CallbackData.Tariff when data.First is { } tariffId:
                await buy.ShowTariffAsync(request, tariffId, cancellationToken);
                return;
            case CallbackData.Pay when BotKeyboards.ProviderOf(data.First) is { } provider && data.Second is { } tariffId:
                await buy.PayAsync(request, provider, tariffId, cancellationToken);
                return;
            case CallbackData.Trial:
                await trial.StartAsync(request, cancellationToken);
                return;
            case CallbackData.Promo:
                await promo.AskAsync(request, cancellationToken);
                return;
            case CallbackData.Help when data.First is { } platform:
                await info.ShowInstructionsAsync(request, platform, cancellationToken);
                return;
            case CallbackData.Help:
                await info.ShowPlatformsAsync(request, cancellationToken);
                return;
            case CallbackData.Support:
                await info.ShowSupportAsync(request, cancellationToken);
                return;
            case CallbackData.Invite:
                await info.ShowInviteAsync(request, cancellationToken);
                return;
            case CallbackData.Config when data.First is CallbackData.ApproveConfig or CallbackData.DenyConfig && data.Second is { } requestId:
                await corporate.DecideAsync(request, requestId, data.First == CallbackData.ApproveConfig, cancellationToken);
                return;
            case CallbackData.AdminUser:
                await adminUsers.OnButtonAsync(request, data.First, data.Second, cancellationToken);
                return;
            case CallbackData.Broadcast:
                await adminBroadcasts.OnButtonAsync(request, data.First, data.Second, cancellationToken);
                return;
            default:
                await menu.SendAsync(request, request.Texts.OutdatedButton, cancellationToken);
                return;
        }
    }

    private async Task<BotRequest> RequestAsync(long chatId, User from, long? messageId, long updateId)
    {
        var chat = await ChatGrain(chatId).GetAsync();
        if (chat is { Blocked: true })
        {
            // They write to us, so they no longer block us.
            await ChatGrain(chatId).SetBlockedAsync(false);
        }
        var texts = BotTexts.For(from.LanguageCode ?? chat?.LanguageCode);
        return new BotRequest(chatId, from, texts, options.IsAdmin(from.Id), updateId, messageId, chat);
    }

    private async Task ClearPendingInputAsync(BotRequest request)
    {
        if (request.Chat?.PendingInput is not null)
        {
            await ChatGrain(request.ChatId).SetPendingInputAsync(null);
        }
    }

    private ITelegramChatGrain ChatGrain(long chatId) => grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(chatId));
}

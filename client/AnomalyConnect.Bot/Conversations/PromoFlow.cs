using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>
/// Promo codes. A discount code is remembered for the chat's next purchase (the payment takes its use); a bonus-days
/// or trial code is redeemed now, and the promo grain itself grants the days exactly once. The redemption is keyed by
/// the update, so processing the update again takes no second use.
/// </summary>
internal sealed class PromoFlow(BotSender sender, UserAccounts accounts, IGrainFactory grains, IServiceProvider services, MenuFlow menu)
{
    public const string PendingInput = "promo";

    public async Task AskAsync(BotRequest request, CancellationToken cancellationToken)
    {
        await Chat(request).SetPendingInputAsync(PendingInput);
        await sender.SendTextAsync(request.ChatId, request.Texts.AskPromo, BotKeyboards.BackToMenu(request.Texts), cancellationToken: cancellationToken);
    }

    public async Task RedeemAsync(BotRequest request, string text, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        var code = PromoCodes.Normalize(text);
        if (!PromoCodes.IsWellFormed(code))
        {
            await Chat(request).SetPendingInputAsync(PendingInput);
            await sender.SendTextAsync(request.ChatId, texts.PromoBadFormat, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
            return;
        }
        if (request.Chat?.PendingInput is not null)
        {
            await Chat(request).SetPendingInputAsync(null);
        }
        if (services.GetService<ICatalog>() is not { } catalog)
        {
            await menu.SendAsync(request, texts.PaymentsUnavailable, cancellationToken);
            return;
        }
        var promo = await catalog.GetPromoCodeAsync(code, cancellationToken);
        if (promo is null or { Archived: true })
        {
            await menu.SendAsync(request, texts.PromoRefused(PromoRedemptionOutcome.NotFound), cancellationToken);
            return;
        }
        if (promo.Kind is PromoKind.PercentDiscount or PromoKind.FixedDiscount)
        {
            await Chat(request).SetDiscountCodeAsync(promo.Code);
            await sender.SendTextAsync(request.ChatId, texts.PromoDiscountSaved(promo), BotKeyboards.Renew(texts), cancellationToken: cancellationToken);
            return;
        }
        var (user, _) = await accounts.EnsureAsync(request.From, cancellationToken);
        if (user.Status == UserStatus.Disabled)
        {
            await menu.SendAsync(request, texts.AccountDisabled, cancellationToken);
            return;
        }
        var redemption = await grains.GetGrain<IPromoCodeGrain>(promo.Code).RedeemAsync(user.UserId, tariffId: null, request.IdempotencyKey("promo"));
        var reply = redemption.Outcome == PromoRedemptionOutcome.Redeemed
            ? texts.PromoGranted((redemption.PromoCode ?? promo).Days)
            : texts.PromoRefused(redemption.Outcome);
        await menu.SendAsync(request, reply, cancellationToken);
    }

    private ITelegramChatGrain Chat(BotRequest request) => grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(request.ChatId));
}

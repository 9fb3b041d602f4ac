using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Telegram;

namespace AnomalyConnect.Bot.Keyboards;

/// <summary>Every inline keyboard the bot shows, with its texts from <see cref="BotTexts"/>.</summary>
public static class BotKeyboards
{
    public static InlineKeyboardMarkup Main(BotTexts t, bool trial, bool invite) => Keyboard(
        [Button(t.ButtonAccess, new(CallbackData.Access))],
        [Button(t.ButtonBuy, new(CallbackData.Buy))],
        trial ? [Button(t.ButtonTrial, new(CallbackData.Trial)), Button(t.ButtonPromo, new(CallbackData.Promo))] : [Button(t.ButtonPromo, new(CallbackData.Promo))],
        [Button(t.ButtonInstructions, new(CallbackData.Help)), Button(t.ButtonSupport, new(CallbackData.Support))],
        invite ? [Button(t.ButtonInvite, new(CallbackData.Invite))] : []);

    public static InlineKeyboardMarkup Access(BotTexts t) => Keyboard(
        [Button(t.ButtonQr, new(CallbackData.Qr)), Button(t.ButtonBuy, new(CallbackData.Buy))],
        [Button(t.ButtonInstructions, new(CallbackData.Help)), Button(t.ButtonMenu, new(CallbackData.Menu))]);

    public static InlineKeyboardMarkup AfterPurchase(BotTexts t) => Keyboard(
        [Button(t.ButtonAccess, new(CallbackData.Access)), Button(t.ButtonInstructions, new(CallbackData.Help))]);

    public static InlineKeyboardMarkup BackToMenu(BotTexts t) => Keyboard([Button(t.ButtonMenu, new(CallbackData.Menu))]);

    public static InlineKeyboardMarkup Renew(BotTexts t) => Keyboard(
        [Button(t.ButtonBuy, new(CallbackData.Buy)), Button(t.ButtonAccess, new(CallbackData.Access))]);

    public static InlineKeyboardMarkup Tariffs(BotTexts t, IEnumerable<Tariff> tariffs) => Keyboard(
        [.. tariffs.Select(tariff => (IReadOnlyList<InlineKeyboardButton?>)[Button(t.TariffButton(tariff), new(CallbackData.Tariff, tariff.TariffId))]),
         [Button(t.ButtonMenu, new(CallbackData.Menu))]]);

    public static InlineKeyboardMarkup Providers(BotTexts t, Tariff tariff, IReadOnlyList<PaymentProvider> providers) => Keyboard(
        [.. providers.Select(provider => (IReadOnlyList<InlineKeyboardButton?>)[Button(
            provider switch
            {
                PaymentProvider.YooKassa => t.ButtonYooKassa,
                PaymentProvider.Telegram => t.ButtonTelegramPayments,
                _ => t.ButtonStars(tariff.PriceStars),
            },
            new(CallbackData.Pay, ProviderCode(provider), tariff.TariffId))]),
         [Button(t.ButtonBuy, new(CallbackData.Buy)), Button(t.ButtonMenu, new(CallbackData.Menu))]]);

    public static InlineKeyboardMarkup PayLink(BotTexts t, string url) => Keyboard([InlineKeyboardButton.WithUrl(t.ButtonPay, url)]);

    public static InlineKeyboardMarkup Platforms(BotTexts t) => Keyboard(
        [.. Texts.Platforms.All.Chunk(2).Select(pair => (IReadOnlyList<InlineKeyboardButton?>)[.. pair.Select(p => Button(t.PlatformName(p), new(CallbackData.Help, p)))]),
         [Button(t.ButtonMenu, new(CallbackData.Menu))]]);

    public static InlineKeyboardMarkup Support(BotTexts t, string? url, string? username)
    {
        var link = username is not null ? "https://t.me/" + username : url;
        return link is null
            ? BackToMenu(t)
            : Keyboard([InlineKeyboardButton.WithUrl(t.ButtonSupport, link)], [Button(t.ButtonMenu, new(CallbackData.Menu))]);
    }

    public static InlineKeyboardMarkup Approval(BotTexts t, string requestId) => Keyboard(
        [Button(t.ButtonApprove, new(CallbackData.Config, CallbackData.ApproveConfig, requestId)),
         Button(t.ButtonDeny, new(CallbackData.Config, CallbackData.DenyConfig, requestId))]);

    public static InlineKeyboardMarkup UserActions(BotTexts t, UserView user) => Keyboard(
        [Button(t.ButtonExtend(7), new(CallbackData.AdminUser, AdminUserActions.Extend7, user.UserId)),
         Button(t.ButtonExtend(30), new(CallbackData.AdminUser, AdminUserActions.Extend30, user.UserId))],
        [user.Status == UserStatus.Disabled
            ? Button(t.ButtonEnable, new(CallbackData.AdminUser, AdminUserActions.Enable, user.UserId))
            : Button(t.ButtonDisable, new(CallbackData.AdminUser, AdminUserActions.Disable, user.UserId)),
         Button(t.ButtonResetTraffic, new(CallbackData.AdminUser, AdminUserActions.ResetTraffic, user.UserId))]);

    public static InlineKeyboardMarkup BroadcastConfirm(BotTexts t, long broadcastId)
    {
        var id = broadcastId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Keyboard(
            [Button(t.ButtonSend, new(CallbackData.Broadcast, CallbackData.StartBroadcast, id)),
             Button(t.ButtonCancel, new(CallbackData.Broadcast, CallbackData.CancelBroadcast, id))]);
    }

    public static string ProviderCode(PaymentProvider provider) => provider switch
    {
        PaymentProvider.YooKassa => "y",
        PaymentProvider.Telegram => "c",
        PaymentProvider.Stars => "s",
        _ => "m",
    };

    public static PaymentProvider? ProviderOf(string? code) => code switch
    {
        "y" => PaymentProvider.YooKassa,
        "c" => PaymentProvider.Telegram,
        "s" => PaymentProvider.Stars,
        _ => null,
    };

    private static InlineKeyboardButton? Button(string text, CallbackData data) =>
        data.Encode() is { } encoded ? InlineKeyboardButton.WithCallbackData(text, encoded) : null;

    /// <summary>Rows without the buttons that could not be encoded, and without rows left empty.</summary>
    private static InlineKeyboardMarkup Keyboard(params IReadOnlyList<InlineKeyboardButton?>[] rows) =>
        new([.. rows.Select(row => (IReadOnlyList<InlineKeyboardButton>)[.. row.OfType<InlineKeyboardButton>()]).Where(row => row.Count > 0)]);
}

using System.Globalization;
using System.Net;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Notifications;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Bot.Texts;

/// <summary>The texts of the user's side: access, trial, buying, promo codes, instructions, notifications.</summary>
public sealed partial class BotTexts
{
    // ---- Access --------------------------------------------------------------------------------------------------

    public string Access(UserView user, string subscriptionUrl, int? devices)
    {
        var lines = new List<string>
        {
            (en ? "<b>Your access</b>" : "<b>Ваш доступ</b>"),
            (en ? "Status: " : "Статус: ") + Status(user.Status),
        };
        if (user.ExpiresAt is { } expires)
        {
            lines.Add((en ? "Valid until: " : "Действует до: ") + Date(expires));
        }
        else if (user.OnHoldDays is { } hold)
        {
            lines.Add(en ? $"{hold} days start with your first connection." : $"{hold} {Days(hold)} начнутся с первого подключения.");
        }
        else
        {
            lines.Add(en ? "Valid until: no end date" : "Действует до: без срока");
        }
        lines.Add(Traffic(user.UsedBytes, user.TrafficLimitBytes));
        if (devices is { } count)
        {
            lines.Add(user.DeviceLimit is { } limit
                ? (en ? $"Devices: {count} of {limit}" : $"Устройства: {count} из {limit}")
                : (en ? $"Devices: {count}" : $"Устройства: {count}"));
        }
        lines.Add("");
        lines.Add(en ? "Subscription link (add it to your VPN app):" : "Ссылка-подписка (добавьте её в VPN-приложение):");
        lines.Add($"<code>{H(subscriptionUrl)}</code>");
        if (!user.IsActive)
        {
            lines.Add("");
            lines.Add(en
                ? "The link works again as soon as you extend your access."
                : "Ссылка снова заработает, как только вы продлите доступ.");
        }
        return string.Join('\n', lines);
    }

    public string NoAccessYet => en
        ? "You have no access yet. Take the free trial or buy a plan."
        : "У вас пока нет доступа. Возьмите пробный период или купите тариф.";

    public string QrCaption(string subscriptionUrl) => en
        ? $"Scan it in your VPN app, or add the link:\n<code>{H(subscriptionUrl)}</code>"
        : $"Отсканируйте в VPN-приложении или добавьте ссылку:\n<code>{H(subscriptionUrl)}</code>";

    public string Status(UserStatus status) => status switch
    {
        UserStatus.Active => en ? "✅ active" : "✅ активен",
        UserStatus.OnHold => en ? "⏸ waits for the first connection" : "⏸ ждёт первого подключения",
        UserStatus.Expired => en ? "⌛ expired" : "⌛ истёк",
        UserStatus.Limited => en ? "📉 traffic limit reached" : "📉 трафик исчерпан",
        _ => en ? "⛔ disabled" : "⛔ отключён",
    };

    public string StatusName(UserStatus status) => status switch
    {
        UserStatus.Active => en ? "active" : "активные",
        UserStatus.OnHold => en ? "on hold" : "ждут подключения",
        UserStatus.Expired => en ? "expired" : "истёкшие",
        UserStatus.Limited => en ? "limited" : "исчерпали трафик",
        _ => en ? "disabled" : "отключённые",
    };

    // ---- Trial ---------------------------------------------------------------------------------------------------

    public string TrialStarted(int days, DateTimeOffset? until, string subscriptionUrl) => en
        ? $"🎁 Your {days}-day trial is on{Until(until)}.\n\nAdd this subscription link to your VPN app:\n<code>{H(subscriptionUrl)}</code>\n\nOr scan the QR code below."
        : $"🎁 Пробный период на {days} {Days(days)} включён{Until(until)}.\n\nДобавьте ссылку-подписку в VPN-приложение:\n<code>{H(subscriptionUrl)}</code>\n\nИли отсканируйте QR-код ниже.";

    public string TrialUsed => en
        ? "You have already used your free trial. Pick a plan to go on."
        : "Пробный период уже использован. Выберите тариф, чтобы продолжить.";

    public string TrialOff => en ? "There is no free trial right now." : "Пробного периода сейчас нет.";

    public string AccountDisabled => en
        ? "Your access is disabled. Please contact support."
        : "Ваш доступ отключён. Напишите, пожалуйста, в поддержку.";

    // ---- Buying --------------------------------------------------------------------------------------------------

    public string ChooseTariff => en ? "Choose a plan:" : "Выберите тариф:";

    public string NoTariffs => en
        ? "There are no plans on sale yet. Please write to support."
        : "Тарифов в продаже пока нет. Напишите, пожалуйста, в поддержку.";

    public string PaymentsUnavailable => en
        ? "Payments are not available right now. Please try again later."
        : "Оплата сейчас недоступна. Попробуйте, пожалуйста, позже.";

    public string NoPaymentMethods => en
        ? "No payment method is set up yet. Please write to support."
        : "Способы оплаты пока не настроены. Напишите, пожалуйста, в поддержку.";

    public string TariffDetails(Tariff tariff, string? discountCode)
    {
        var traffic = tariff.TrafficLimitBytes is { } limit ? Bytes(limit) : (en ? "unlimited traffic" : "безлимитный трафик");
        var devices = tariff.DeviceLimit is { } d ? (en ? $", up to {d} devices" : $", до {d} устройств") : "";
        var stars = tariff.PriceStars > 0 ? (en ? $" or {tariff.PriceStars} ⭐" : $" или {tariff.PriceStars} ⭐") : "";
        var promo = discountCode is null ? "" : (en ? $"\nPromo code <b>{H(discountCode)}</b> will be applied." : $"\nПромокод <b>{H(discountCode)}</b> будет применён.");
        return en
            ? $"<b>{H(tariff.Title)}</b>: {tariff.Days} days, {traffic}{devices}.\nPrice: {Rub(tariff.PriceRub)}{stars}.{promo}\n\nHow would you like to pay?"
            : $"<b>{H(tariff.Title)}</b>: {tariff.Days} {Days(tariff.Days)}, {traffic}{devices}.\nЦена: {Rub(tariff.PriceRub)}{stars}.{promo}\n\nКак оплатить?";
    }

    public string PayByLink(decimal amountRub) => en
        ? $"The bill for {Rub(amountRub)} is ready. Tap the button to pay; your access is extended as soon as the payment goes through."
        : $"Счёт на {Rub(amountRub)} готов. Нажмите кнопку, чтобы оплатить; доступ продлится сразу после оплаты.";

    public string InvoiceTitle(Tariff tariff) => Clip(tariff.Title, 32);

    public string InvoiceDescription(Tariff tariff) => Clip(en
        ? $"Anomaly Connect VPN for {tariff.Days} days"
        : $"VPN Anomaly Connect на {tariff.Days} {Days(tariff.Days)}", 255);

    public string PaymentFailed => en
        ? "We could not start the payment. Please try again later or choose another method."
        : "Не получилось начать оплату. Попробуйте, пожалуйста, позже или выберите другой способ.";

    public string CheckoutRefused => en
        ? "This bill is no longer valid. Please start a new purchase from the menu."
        : "Этот счёт больше не действует. Начните новую покупку из меню.";

    /// <summary>With the new expiry once the payment is applied; before that, a promise that it will be shortly.</summary>
    public string PaymentReceived(DateTimeOffset? until) => until is null
        ? (en ? "✅ Payment received, thank you! Your access is extended within a minute." : "✅ Оплата получена, спасибо! Доступ продлится в течение минуты.")
        : (en ? $"✅ Payment received, thank you!{Until(until, "Your access is valid")}" : $"✅ Оплата получена, спасибо!{Until(until, "Доступ действует")}");

    public string PaymentNotApplied => en
        ? "We received your payment but could not apply it yet. We are on it; if your access is not extended within an hour, please write to support."
        : "Оплата получена, но применить её сразу не удалось. Мы уже разбираемся; если доступ не продлится в течение часа — напишите в поддержку.";

    // ---- Promo codes ---------------------------------------------------------------------------------------------

    public string AskPromo => en ? "Send me the promo code in one message." : "Отправьте промокод одним сообщением.";

    public string PromoBadFormat => en
        ? "A promo code is letters and digits without spaces. Try again or open the menu."
        : "Промокод — это буквы и цифры без пробелов. Попробуйте ещё раз или откройте меню.";

    public string PromoGranted(int days) => en
        ? $"🏷 Promo code accepted: +{days} days. Your access is extended within a minute."
        : $"🏷 Промокод принят: +{days} {Days(days)}. Доступ продлится в течение минуты.";

    public string PromoDiscountSaved(PromoCode code) => en
        ? $"🏷 Promo code <b>{H(code.Code)}</b> saved: {Discount(code)} off your next purchase."
        : $"🏷 Промокод <b>{H(code.Code)}</b> сохранён: скидка {Discount(code)} на следующую покупку.";

    public string PromoRefused(PromoRedemptionOutcome outcome) => outcome switch
    {
        PromoRedemptionOutcome.Expired => en ? "This promo code has expired." : "Срок действия промокода истёк.",
        PromoRedemptionOutcome.UsedUp => en ? "This promo code has been used up." : "Этот промокод больше не действует: его использовали максимальное число раз.",
        PromoRedemptionOutcome.AlreadyUsedByUser => en ? "You have already used this promo code." : "Вы уже использовали этот промокод.",
        PromoRedemptionOutcome.NotForThisTariff => en ? "This promo code does not apply here." : "Этот промокод здесь не действует.",
        _ => en ? "There is no such promo code." : "Такого промокода нет.",
    };

    // ---- Instructions, support, invitations ----------------------------------------------------------------------

    public string ChoosePlatform => en ? "Which device do you want to connect?" : "Какое устройство подключаем?";

    public string Instructions(string platform, string? subscriptionUrl)
    {
        var (app, steps) = platform switch
        {
            Platforms.Ios => ("Streisand / FoXray / Hiddify", en
                ? "1. Install the app from the App Store.\n2. Copy your subscription link.\n3. In the app tap “+” → “Add from clipboard”.\n4. Turn the VPN on."
                : "1. Установите приложение из App Store.\n2. Скопируйте ссылку-подписку.\n3. В приложении нажмите «+» → «Добавить из буфера».\n4. Включите VPN."),
            Platforms.Android => ("Hiddify / v2rayNG", en
                ? "1. Install the app from Google Play.\n2. Copy your subscription link.\n3. In the app tap “+” → “Import from clipboard”.\n4. Tap the connect button."
                : "1. Установите приложение из Google Play.\n2. Скопируйте ссылку-подписку.\n3. В приложении нажмите «+» → «Импорт из буфера».\n4. Нажмите кнопку подключения."),
            Platforms.Windows => ("Hiddify / v2rayN", en
                ? "1. Download the app from its GitHub releases page.\n2. Copy your subscription link.\n3. Add it as a new subscription and update it.\n4. Connect."
                : "1. Скачайте приложение со страницы релизов на GitHub.\n2. Скопируйте ссылку-подписку.\n3. Добавьте её как новую подписку и обновите.\n4. Подключитесь."),
            Platforms.MacOs => ("Hiddify / FoXray", en
                ? "1. Install the app.\n2. Copy your subscription link.\n3. Add it as a new profile from the clipboard.\n4. Connect."
                : "1. Установите приложение.\n2. Скопируйте ссылку-подписку.\n3. Добавьте её как новый профиль из буфера.\n4. Подключитесь."),
            _ => ("Hiddify / sing-box / mihomo", en
                ? "1. Install the app (or sing-box / mihomo).\n2. Import your subscription link.\n3. Connect."
                : "1. Установите приложение (или sing-box / mihomo).\n2. Импортируйте ссылку-подписку.\n3. Подключитесь."),
        };
        var link = subscriptionUrl is null
            ? (en ? "\n\nYour link appears under “My access” once you have access." : "\n\nСсылка появится в разделе «Мой доступ», когда у вас будет доступ.")
            : $"\n\n<code>{H(subscriptionUrl)}</code>";
        return $"<b>{PlatformName(platform)}</b> — {app}\n\n{steps}{link}";
    }

    public string Support(string? url, string? username)
    {
        if (url is null && username is null)
        {
            return en ? "Support contacts are not set up yet." : "Контакты поддержки пока не настроены.";
        }
        var contact = username is not null ? "@" + H(username) : H(url!);
        return en ? $"💬 Something not working? Write to us: {contact}" : $"💬 Что-то не работает? Напишите нам: {contact}";
    }

    public string Invite(string link) => en
        ? $"👥 Share your invitation link:\n<code>{H(link)}</code>"
        : $"👥 Поделитесь ссылкой-приглашением:\n<code>{H(link)}</code>";

    // ---- Notifications -------------------------------------------------------------------------------------------

    public string Notification(UserNotification notification) => notification.Kind switch
    {
        UserNotificationKind.ExpiresIn3Days => en
            ? $"⏳ Your access ends in 3 days{Until(notification.ExpiresAt, "on", plain: true)}. Extend it now so you are not left without VPN."
            : $"⏳ Доступ закончится через 3 дня{Until(notification.ExpiresAt, "—", plain: true)}. Продлите заранее, чтобы не остаться без VPN.",
        UserNotificationKind.ExpiresIn1Day => en
            ? $"⏳ Your access ends tomorrow{Until(notification.ExpiresAt, "on", plain: true)}. Extend it to stay connected."
            : $"⏳ Доступ закончится завтра{Until(notification.ExpiresAt, "—", plain: true)}. Продлите, чтобы оставаться на связи.",
        UserNotificationKind.Expired => en
            ? "⌛ Your access has ended. Extend it to connect again."
            : "⌛ Срок доступа закончился. Продлите его, чтобы снова подключиться.",
        UserNotificationKind.TrafficAt80Percent => en
            ? $"📊 You have used 80 % of your traffic: {Bytes(notification.UsedBytes)} of {LimitText(notification.TrafficLimitBytes)}."
            : $"📊 Использовано 80 % трафика: {Bytes(notification.UsedBytes)} из {LimitText(notification.TrafficLimitBytes)}.",
        UserNotificationKind.TrafficLimitReached => en
            ? $"📉 Your traffic is used up ({LimitText(notification.TrafficLimitBytes)}). Access is paused until it resets or you extend it."
            : $"📉 Трафик исчерпан ({LimitText(notification.TrafficLimitBytes)}). Доступ приостановлен до сброса или продления.",
        UserNotificationKind.AccessGranted => en
            ? "✅ Your access is on. Your link is under “My access”."
            : "✅ Доступ открыт. Ссылка — в разделе «Мой доступ».",
        _ => en ? "⛔ Your access has been turned off." : "⛔ Ваш доступ закрыт.",
    };
}

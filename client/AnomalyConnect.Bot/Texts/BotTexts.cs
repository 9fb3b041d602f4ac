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

/// <summary>
/// Every text the bot sends (here and in BotTexts.Users.cs, BotTexts.Operators.cs), Russian first and English for
/// users whose Telegram speaks English. Texts are HTML (Telegram's subset); anything that came from outside is
/// escaped with <see cref="H"/>.
/// </summary>
public sealed partial class BotTexts
{
    public static BotTexts Russian { get; } = new(english: false);

    public static BotTexts English { get; } = new(english: true);

    private readonly bool en;

    private BotTexts(bool english) => en = english;

    /// <summary>English for "en", "en-GB"…; Russian for everything else, including an unknown language.</summary>
    public static BotTexts For(string? languageCode) =>
        languageCode is not null && languageCode.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Russian;

    public bool IsEnglish => en;

    // ---- Buttons -------------------------------------------------------------------------------------------------

    public string ButtonAccess => en ? "🔑 My access" : "🔑 Мой доступ";
    public string ButtonBuy => en ? "💳 Buy or extend" : "💳 Купить или продлить";
    public string ButtonTrial => en ? "🎁 Free trial" : "🎁 Пробный период";
    public string ButtonPromo => en ? "🏷 Promo code" : "🏷 Промокод";
    public string ButtonInstructions => en ? "📖 How to connect" : "📖 Как подключиться";
    public string ButtonSupport => en ? "💬 Support" : "💬 Поддержка";
    public string ButtonInvite => en ? "👥 Invite a friend" : "👥 Пригласить друга";
    public string ButtonMenu => en ? "« Menu" : "« Меню";
    public string ButtonQr => en ? "📷 QR code" : "📷 QR-код";
    public string ButtonPay => en ? "Pay" : "Оплатить";
    public string ButtonYooKassa => en ? "💳 Bank card (YooKassa)" : "💳 Банковская карта (ЮKassa)";
    public string ButtonTelegramPayments => en ? "💳 Card in Telegram" : "💳 Картой в Telegram";
    public string ButtonStars(int stars) => en ? $"⭐ {stars} Telegram Stars" : $"⭐ {stars} Telegram Stars";
    public string ButtonApprove => en ? "✅ Yes, it is me" : "✅ Да, это я";
    public string ButtonDeny => en ? "❌ No" : "❌ Нет";
    public string ButtonSend => en ? "📣 Send" : "📣 Отправить";
    public string ButtonCancel => en ? "Cancel" : "Отмена";
    public string ButtonExtend(int days) => en ? $"+{days} days" : $"+{days} {Days(days)}";
    public string ButtonDisable => en ? "⛔ Disable" : "⛔ Отключить";
    public string ButtonEnable => en ? "✅ Enable" : "✅ Включить";
    public string ButtonResetTraffic => en ? "♻️ Reset traffic" : "♻️ Сбросить трафик";

    public string TariffButton(Tariff tariff)
    {
        var stars = tariff.PriceStars > 0 ? $" / {tariff.PriceStars} ⭐" : "";
        return $"{tariff.Title} — {Rub(tariff.PriceRub)}{stars}";
    }

    public string PlatformName(string platform) => platform switch
    {
        Platforms.Ios => "iPhone / iPad",
        Platforms.Android => "Android",
        Platforms.Windows => "Windows",
        Platforms.MacOs => "macOS",
        _ => "Linux",
    };

    // ---- Start and menu ------------------------------------------------------------------------------------------

    public string Welcome(string firstName) => en
        ? $"Hi, {H(firstName)}! This is <b>Anomaly Connect</b>, a fast and private VPN.\n\nTake the free trial or pick a plan — the buttons are below."
        : $"Привет, {H(firstName)}! Это <b>Anomaly Connect</b> — быстрый и приватный VPN.\n\nВозьмите пробный период или выберите тариф — кнопки ниже.";

    public string Menu => en ? "Main menu. What would you like to do?" : "Главное меню. Что сделать?";

    public string UnknownCommand => en ? "I don't know that command. Here is the menu:" : "Такой команды я не знаю. Вот меню:";

    public string NotUnderstood => en
        ? "I understand commands and the buttons below. Here is the menu:"
        : "Я понимаю команды и кнопки под сообщениями. Вот меню:";

    public string TooLong => en
        ? "That message is too long for me. Please use the menu:"
        : "Это сообщение слишком длинное для меня. Воспользуйтесь меню:";

    public string OutdatedButton => en ? "This button is out of date." : "Эта кнопка устарела.";

    public string SomethingWentWrong => en
        ? "Something went wrong on our side. Please try again in a minute."
        : "Что-то пошло не так на нашей стороне. Попробуйте ещё раз через минуту.";

    public string NotRegistered => en ? "Send /start first, please." : "Сначала отправьте /start, пожалуйста.";

    // ---- Formatting ----------------------------------------------------------------------------------------------

    public string Date(DateTimeOffset at) =>
        at.ToUniversalTime().ToString(en ? "yyyy-MM-dd HH:mm 'UTC'" : "dd.MM.yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public string Bytes(long bytes)
    {
        string[] units = en ? ["B", "KB", "MB", "GB", "TB"] : ["Б", "КБ", "МБ", "ГБ", "ТБ"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return (unit == 0 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture)) + " " + units[unit];
    }

    public string Rub(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture) + " ₽";

    /// <summary>Escapes text for Telegram's HTML.</summary>
    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    private string Traffic(long used, long? limit) => limit is { } total
        ? (en
            ? $"Traffic: {Bytes(used)} of {Bytes(total)} used, {Bytes(Math.Max(0, total - used))} left"
            : $"Трафик: использовано {Bytes(used)} из {Bytes(total)}, осталось {Bytes(Math.Max(0, total - used))}")
        : (en ? $"Traffic: {Bytes(used)} used, no limit" : $"Трафик: использовано {Bytes(used)}, без ограничений");

    private string LimitText(long? limit) => limit is { } bytes ? Bytes(bytes) : (en ? "no limit" : "без ограничений");

    private string Until(DateTimeOffset? until, string? prefix = null, bool plain = false)
    {
        if (until is not { } at)
        {
            return "";
        }
        if (plain)
        {
            return $" {prefix} {Date(at)}";
        }
        return prefix is null
            ? (en ? $", until {Date(at)}" : $" — до {Date(at)}")
            : (en ? $"\n{prefix} until {Date(at)}." : $"\n{prefix} до {Date(at)}.");
    }

    private string Discount(PromoCode code) => code.Kind == PromoKind.PercentDiscount
        ? code.Value.ToString("0.##", CultureInfo.InvariantCulture) + " %"
        : Rub(code.Value);

    private string SegmentName(UserStatus? segment) => segment is { } status ? StatusName(status) : (en ? "everyone" : "все");

    private static string Health(NodeHealth health) => health switch
    {
        NodeHealth.Healthy => "🟢",
        NodeHealth.Unhealthy => "🔴",
        NodeHealth.Draining => "🟡",
        _ => "⚪",
    };

    /// <summary>Russian plural of "день": 1 день, 2 дня, 5 дней, 21 день.</summary>
    private static string Days(int n)
    {
        var tens = Math.Abs(n) % 100;
        var ones = tens % 10;
        return tens is >= 11 and <= 14 ? "дней" : ones == 1 ? "день" : ones is >= 2 and <= 4 ? "дня" : "дней";
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

using System.Text;
using AnomalyConnect.Integrations.Telegram;

namespace AnomalyConnect.Bot.Keyboards;

/// <summary>
/// What the bot's buttons carry: an action and up to two arguments, joined by ':' (the last argument may itself hold
/// ':'). Anything else that comes back — an old format, a forged or garbled string — parses to null.
/// </summary>
public sealed record CallbackData(string Action, string? First = null, string? Second = null)
{
    public const string Menu = "m";
    public const string Access = "a";
    public const string Qr = "q";
    public const string Buy = "b";
    public const string Tariff = "t";
    public const string Pay = "p";
    public const string Trial = "tr";
    public const string Promo = "pr";
    public const string Help = "h";
    public const string Support = "s";
    public const string Invite = "i";
    public const string Config = "cfg";
    public const string AdminUser = "u";
    public const string Broadcast = "bc";

    public const string ApproveConfig = "a";
    public const string DenyConfig = "d";
    public const string StartBroadcast = "go";
    public const string CancelBroadcast = "no";

    private static readonly HashSet<string> Known =
        [Menu, Access, Qr, Buy, Tariff, Pay, Trial, Promo, Help, Support, Invite, Config, AdminUser, Broadcast];

    /// <summary>The wire form, or null when it would not fit Telegram's 64 bytes (such a button is left out).</summary>
    public string? Encode()
    {
        var text = Second is not null ? $"{Action}:{First}:{Second}" : First is not null ? $"{Action}:{First}" : Action;
        return Encoding.UTF8.GetByteCount(text) <= InlineKeyboardButton.MaxCallbackDataBytes ? text : null;
    }

    public static CallbackData? Parse(string? data)
    {
        if (string.IsNullOrEmpty(data) || Encoding.UTF8.GetByteCount(data) > InlineKeyboardButton.MaxCallbackDataBytes
            || data.Any(char.IsControl))
        {
            return null;
        }
        var parts = data.Split(':', 3);
        if (!Known.Contains(parts[0]) || parts.Skip(1).Any(p => p.Length == 0))
        {
            return null;
        }
        return new CallbackData(parts[0], parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2));
    }
}

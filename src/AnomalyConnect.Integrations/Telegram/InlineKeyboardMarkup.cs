namespace AnomalyConnect.Integrations.Telegram;

/// <summary>An inline keyboard (<c>InlineKeyboardMarkup</c>): rows of buttons.</summary>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard)
{
    public static InlineKeyboardMarkup Rows(params IReadOnlyList<InlineKeyboardButton>[] rows) => new(rows);

    public static InlineKeyboardMarkup Column(params InlineKeyboardButton[] buttons) =>
        new(buttons.Select(button => (IReadOnlyList<InlineKeyboardButton>)[button]).ToArray());
}

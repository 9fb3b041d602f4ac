namespace AnomalyConnect.Bot.Updates;

/// <summary>A command message: <c>/name@bot arguments</c>, the name lower-cased, the bot suffix dropped.</summary>
internal sealed record BotCommand(string Name, string Arguments)
{
    private const int MaxNameLength = 32;

    public static BotCommand? Parse(string text)
    {
        if (!text.StartsWith('/'))
        {
            return null;
        }
        var end = text.IndexOfAny([' ', '\n', '\t']);
        var head = end < 0 ? text[1..] : text[1..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        if (name.Length is 0 or > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }
        return new BotCommand(name, end < 0 ? "" : text[(end + 1)..].Trim());
    }
}

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// Checks text sent with <c>parse_mode: HTML</c> the way Telegram does before it accepts it: only its tags, properly
/// nested, and <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> escaped. This is what catches a user's name pasted unescaped.
/// </summary>
internal static class FakeTelegramHtml
{
    private static readonly HashSet<string> Tags =
    [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
        "blockquote", "tg-emoji",
    ];

    private static readonly string[] Entities = ["&lt;", "&gt;", "&amp;", "&quot;"];

    /// <summary>Null when Telegram would accept the text, else the reason in Telegram's words.</summary>
    public static string? Problem(string text)
    {
        var open = new Stack<string>();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<':
                    var end = text.IndexOf('>', i);
                    if (end < 0)
                    {
                        return $"can't parse entities: Unclosed start tag at byte offset {i}";
                    }
                    var tag = text[(i + 1)..end].Trim();
                    var closing = tag.StartsWith('/');
                    var name = (closing ? tag[1..] : tag).Split([' ', '\t', '\n'], 2)[0].ToLowerInvariant();
                    if (!Tags.Contains(name))
                    {
                        return $"can't parse entities: Unsupported start tag \"{name}\" at byte offset {i}";
                    }
                    if (!closing)
                    {
                        open.Push(name);
                    }
                    else if (open.Count == 0 || open.Pop() != name)
                    {
                        return $"can't parse entities: Unmatched end tag at byte offset {i}, expected \"</{(open.Count == 0 ? name : open.Peek())}>\", found \"</{name}>\"";
                    }
                    i = end;
                    break;
                case '>':
                    return $"can't parse entities: Unexpected end tag at byte offset {i}";
                case '&':
                    if (!Entities.Any(e => string.CompareOrdinal(text, i, e, 0, e.Length) == 0) && !IsNumericEntity(text, i))
                    {
                        return $"can't parse entities: Character entity expected at byte offset {i}";
                    }
                    break;
            }
        }
        return open.Count == 0 ? null : $"can't parse entities: Can't find end tag corresponding to start tag \"{open.Peek()}\"";
    }

    private static bool IsNumericEntity(string text, int at)
    {
        var semicolon = text.IndexOf(';', at);
        return semicolon > at + 2
            && text[at + 1] == '#'
            && text[(at + 2)..semicolon].All(c => char.IsAsciiDigit(c) || c is 'x' or 'X' || char.IsAsciiHexDigit(c));
    }
}

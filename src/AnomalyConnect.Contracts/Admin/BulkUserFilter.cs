using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Contracts.Admin;

/// <summary>
/// The users a bulk job reaches: the admin search's filter (<see cref="UserQuery"/>): a text matching the id, Telegram
/// id or employee id exactly, or the username, name or e-mail in part; and a status. Both empty means every user.
/// </summary>
public sealed record BulkUserFilter(string? Query, UserStatus? Status)
{
    /// <summary>The text as searched: trimmed, a leading '@' of a Telegram username dropped, null when empty.</summary>
    public static string? NormalizeQuery(string? query)
    {
        var text = query?.Trim();
        if (text is { Length: > 1 } && text[0] == '@')
        {
            text = text[1..];
        }
        return string.IsNullOrEmpty(text) ? null : text;
    }
}

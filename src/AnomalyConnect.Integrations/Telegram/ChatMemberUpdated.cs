using System.Text.Json.Serialization;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// The bot's own membership changed (<c>my_chat_member</c>) or another member's did (<c>chat_member</c>). In a private chat
/// the bot going to <c>kicked</c> means the user blocked it; back to <c>member</c> means they unblocked it.
/// </summary>
public sealed record ChatMemberUpdated
{
    public required Chat Chat { get; init; }

    public required User From { get; init; }

    public long Date { get; init; }

    public required ChatMember OldChatMember { get; init; }

    public required ChatMember NewChatMember { get; init; }

    [JsonIgnore]
    public bool IsBlockedByUser =>
        Chat.Type == Chat.TypePrivate && NewChatMember.Status == ChatMember.StatusKicked;

    [JsonIgnore]
    public bool IsUnblockedByUser =>
        Chat.Type == Chat.TypePrivate
        && OldChatMember.Status == ChatMember.StatusKicked
        && NewChatMember.Status == ChatMember.StatusMember;
}

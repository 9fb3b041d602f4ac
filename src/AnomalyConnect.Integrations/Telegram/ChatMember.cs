namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// A member's state in a chat (<c>ChatMember</c>), flattened: <see cref="Status"/> stays a string so that a new status
/// never breaks parsing of a whole batch of updates.
/// </summary>
public sealed record ChatMember
{
    public const string StatusCreator = "creator";
    public const string StatusAdministrator = "administrator";
    public const string StatusMember = "member";
    public const string StatusRestricted = "restricted";
    public const string StatusLeft = "left";
    public const string StatusKicked = "kicked";

    public required string Status { get; init; }

    public required User User { get; init; }

    public long? UntilDate { get; init; }
}

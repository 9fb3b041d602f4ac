using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Contracts.Bot;

/// <summary>
/// A broadcast and its counts. <see cref="InDoubt"/>: recipients whose send was under way when the sending process died;
/// they are not sent again (at most once), so each either got the message or did not.
/// </summary>
public sealed record BroadcastView(
    long BroadcastId,
    string Text,
    UserStatus? Segment,
    long RequestedBy,
    BroadcastState State,
    long? ProgressMessageId,
    int Total,
    int Sent,
    int Blocked,
    int Failed,
    int InDoubt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public int Done => Sent + Blocked + Failed + InDoubt;

    public int Pending => Total - Done;
}

using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Contracts.Bot;

/// <summary>What an admin asked to send, to whom (a status; null: every Telegram user), and where to report progress.</summary>
public sealed record BroadcastDraft(string Text, UserStatus? Segment, long RequestedBy);

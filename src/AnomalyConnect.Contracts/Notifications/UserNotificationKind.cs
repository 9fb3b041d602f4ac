namespace AnomalyConnect.Contracts.Notifications;

/// <summary>What the user is told through the bot.</summary>
public enum UserNotificationKind
{
    ExpiresIn3Days,
    ExpiresIn1Day,
    Expired,
    TrafficAt80Percent,
    TrafficLimitReached,
    AccessGranted,
    AccessRevoked,
}

using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Users;

/// <summary>The secondary keys a user is found by; written in the user's turn.</summary>
internal static class UserIndexes
{
    public const string GrainType = "user";
    public const string SubscriptionToken = "subscription-token";
    public const string TelegramId = "telegram-id";
    public const string EmployeeId = "employee-id";
    public const string Hysteria2Auth = "hysteria2-auth";

    public static void Write(GrainTurn<UserState> turn, UserState state)
    {
        turn.SetIndex(SubscriptionToken, state.SubscriptionToken);
        turn.SetIndex(Hysteria2Auth, state.Hysteria2Auth);
        turn.SetIndex(TelegramId, state.TelegramId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        turn.SetIndex(EmployeeId, state.EmployeeId);
    }
}

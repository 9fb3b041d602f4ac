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

    /// <summary>Points the user's secondary keys at it; a key that has not changed since <paramref name="before"/> is left as it is.</summary>
    public static void Write(GrainTurn<UserState> turn, UserState state, IReadOnlyDictionary<string, string?> before)
    {
        foreach (var (name, value) in Of(state))
        {
            if (!before.TryGetValue(name, out var held) || held != value)
            {
                turn.SetIndex(name, value);
            }
        }
    }

    /// <summary>The user's secondary keys by index name (null: the user has none of that kind).</summary>
    public static IReadOnlyDictionary<string, string?> Of(UserState state) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [SubscriptionToken] = state.SubscriptionToken,
        [Hysteria2Auth] = state.Hysteria2Auth,
        [TelegramId] = state.TelegramId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [EmployeeId] = state.EmployeeId,
    };
}

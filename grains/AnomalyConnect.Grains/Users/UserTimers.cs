using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Users;

/// <summary>The user grain's timers, recomputed from its state after every change.</summary>
internal static class UserTimers
{
    public const string Expire = "expire";
    public const string RemindThreeDays = "remind-3d";
    public const string RemindOneDay = "remind-1d";
    public const string TrafficReset = "traffic-reset";

    public static void Schedule(GrainTurn<UserState> turn, UserState state)
    {
        var now = turn.Now;
        if (state.ExpiresAt is { } expiresAt && !state.Disabled && expiresAt > now)
        {
            turn.SetTimer(Expire, expiresAt);
            SetIfAhead(turn, RemindThreeDays, state.TelegramId is null ? null : expiresAt.AddDays(-3));
            SetIfAhead(turn, RemindOneDay, state.TelegramId is null ? null : expiresAt.AddDays(-1));
        }
        else
        {
            turn.CancelTimer(Expire);
            turn.CancelTimer(RemindThreeDays);
            turn.CancelTimer(RemindOneDay);
        }

        var anchor = state.LastTrafficResetAt ?? state.CreatedAt;
        var anchorForRolling = state.CreatedAt;
        SetIfAhead(turn, TrafficReset, UserStatusRules.NextTrafficReset(
            state.ResetStrategy, state.ResetStrategy == Contracts.Users.TrafficResetStrategy.MonthRolling ? anchorForRolling : anchor, now));
    }

    private static void SetIfAhead(GrainTurn<UserState> turn, string name, DateTimeOffset? dueAt)
    {
        if (dueAt is { } due && due > turn.Now)
        {
            turn.SetTimer(name, due);
        }
        else
        {
            turn.CancelTimer(name);
        }
    }
}

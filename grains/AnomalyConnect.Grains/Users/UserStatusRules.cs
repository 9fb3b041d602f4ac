using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Users;

/// <summary>Pure rules: what a user's status is, given its state, its usage and the time.</summary>
internal static class UserStatusRules
{
    public static UserStatus Evaluate(UserState state, long usedBytes, DateTimeOffset now)
    {
        if (state.Disabled)
        {
            return UserStatus.Disabled;
        }
        if (state.OnHoldDays is not null && state.ExpiresAt is null)
        {
            return UserStatus.OnHold;
        }
        if (state.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            return UserStatus.Expired;
        }
        if (state.TrafficLimitBytes is { } limit && usedBytes >= limit)
        {
            return UserStatus.Limited;
        }
        return UserStatus.Active;
    }

    public static bool BelongsOnNodes(UserStatus status) => status is UserStatus.Active or UserStatus.OnHold;

    /// <summary>A term extended by days: from the current expiry while it is ahead, else from now.</summary>
    public static DateTimeOffset Extend(DateTimeOffset? expiresAt, int days, DateTimeOffset now) =>
        (expiresAt is { } current && current > now ? current : now).AddDays(days);

    /// <summary>The next moment used traffic returns to zero, or null for no reset.</summary>
    public static DateTimeOffset? NextTrafficReset(TrafficResetStrategy strategy, DateTimeOffset anchor, DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        switch (strategy)
        {
            case TrafficResetStrategy.Day:
                return new DateTimeOffset(utc.Date, TimeSpan.Zero).AddDays(1);
            case TrafficResetStrategy.Week:
                var daysToMonday = ((int)DayOfWeek.Monday - (int)utc.DayOfWeek + 7) % 7;
                return new DateTimeOffset(utc.Date, TimeSpan.Zero).AddDays(daysToMonday == 0 ? 7 : daysToMonday);
            case TrafficResetStrategy.Month:
                return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            case TrafficResetStrategy.MonthRolling:
                var next = anchor;
                for (var months = 1; next <= now; months++)
                {
                    next = anchor.AddMonths(months);
                }
                return next;
            default:
                return null;
        }
    }

    /// <summary>The highest usage warning level (80 or 100 percent) reached and not yet sent.</summary>
    public static int? DueUsageWarning(long? limit, long usedBytes, IReadOnlyCollection<int> sent)
    {
        if (limit is not { } bytes || bytes <= 0)
        {
            return null;
        }
        var percent = usedBytes * 100 / bytes;
        foreach (var level in new[] { 100, 80 })
        {
            if (percent >= level)
            {
                return sent.Contains(level) ? null : level;
            }
        }
        return null;
    }
}

using System.Globalization;
using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>
/// Why a user gets a subscription without working links, as apps show it (the placeholder's name), or null.
/// Expiry and the traffic limit are also checked against the clock and the counters, so that a status whose timer
/// has not fired yet gives nothing away.
/// </summary>
public static class SubscriptionStatusNotes
{
    public static string? For(UserView user, DeviceDecision decision, DateTimeOffset now)
    {
        if (user.Status == UserStatus.Disabled)
        {
            return "Access is disabled — contact support";
        }
        if (user.Status == UserStatus.Expired || user.ExpiresAt is { } expires && expires <= now)
        {
            var date = user.ExpiresAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return date is null ? "Subscription expired — renew in the bot" : $"Subscription expired on {date} — renew in the bot";
        }
        if (user.Status == UserStatus.Limited || user.TrafficLimitBytes is { } limit && user.UsedBytes >= limit)
        {
            return "Traffic limit reached — renew in the bot or wait for the reset";
        }
        if (decision == DeviceDecision.OverLimit)
        {
            var slots = user.DeviceLimit ?? 0;
            return $"Device limit reached ({slots} of {slots}) — remove a device in the bot";
        }
        return null;
    }
}

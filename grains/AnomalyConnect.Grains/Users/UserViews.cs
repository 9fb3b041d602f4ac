using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Users;

internal static class UserViews
{
    public static UserView Of(string userId, UserState state, (long Upload, long Download) used) => new(
        userId,
        state.Status,
        state.CreatedAt,
        state.ExpiresAt,
        state.OnHoldDays,
        state.TrafficLimitBytes,
        used.Upload,
        used.Download,
        state.ResetStrategy,
        state.Placements,
        new UserCredentials(state.VlessUuid, state.Hysteria2Auth, state.SubscriptionToken),
        state.TelegramId,
        state.Username,
        state.EmployeeId,
        state.DisplayName,
        state.Email,
        state.DisabledReason,
        state.DeviceLimit);
}

using AnomalyConnect.Contracts.Corporate;

namespace AnomalyConnect.Grains.Corporate;

internal static class EmployeeViews
{
    public static EmployeeView Of(string employeeId, EmployeeState state) => new(
        employeeId,
        state.Registry,
        state.UserId,
        state.AccessEnabled && state.UserId is not null,
        state.FullName,
        state.Email,
        state.TelegramId,
        state.LastEventAt);

    public static EmployeeView? OfNullable(string employeeId, EmployeeState? state) => state is null ? null : Of(employeeId, state);
}

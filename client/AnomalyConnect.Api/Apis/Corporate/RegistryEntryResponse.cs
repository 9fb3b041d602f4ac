using AnomalyConnect.Contracts.Corporate;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>One id of the corporate registry as the admin API shows it.</summary>
public sealed record RegistryEntryResponse(
    string EmployeeId, RegistryState State, string? UserId, bool IsActive, string? FullName, string? Email, long? TelegramId,
    DateTimeOffset? LastEventAt)
{
    public static RegistryEntryResponse Of(EmployeeView view) =>
        new(view.EmployeeId, view.Registry, view.UserId, view.IsActive, view.FullName, view.Email, view.TelegramId, view.LastEventAt);
}

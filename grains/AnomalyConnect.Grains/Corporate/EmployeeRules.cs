using AnomalyConnect.Contracts.Corporate;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>Validation in plain sentences, and when an event is too old to apply.</summary>
internal static class EmployeeRules
{
    public const int MaxDays = 36_500;
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;

    public static string? Validate(string employeeId, GrantRequest request) => request switch
    {
        _ when request.EmployeeId != employeeId => "The request is for another employee id.",
        { Days: < 1 or > MaxDays } => $"days must be between 1 and {MaxDays}.",
        { TrafficLimitBytes: < 0 } => "The traffic limit cannot be negative.",
        { TelegramId: <= 0 } => "telegram_id must be a positive number.",
        { FullName.Length: > MaxNameLength } => $"full_name may be at most {MaxNameLength} characters.",
        { Email.Length: > MaxEmailLength } => $"email may be at most {MaxEmailLength} characters.",
        _ => null,
    };

    public static string? Validate(string employeeId, HrEvent hrEvent) =>
        hrEvent.EmployeeId != employeeId ? "The event is for another employee id."
        : !CorporateIds.IsWellFormedEventId(hrEvent.EventId) ? "event_id must be 1 to 200 printable characters without spaces."
        : !Enum.IsDefined(hrEvent.Type) ? "The event type is not known."
        : hrEvent.Type == HrEventType.Hired ? Validate(employeeId, ToGrant(hrEvent))
        : null;

    /// <summary>Strictly older than the newest event applied: an event of the same instant still applies.</summary>
    public static bool IsStale(EmployeeState? state, DateTimeOffset? occurredAt) =>
        occurredAt is { } at && state?.LastEventAt is { } last && at < last;

    public static GrantRequest ToGrant(HrEvent hrEvent) =>
        new(hrEvent.EmployeeId, hrEvent.FullName, hrEvent.Email, TelegramId: null, hrEvent.Days, TrafficLimitBytes: null);
}

namespace AnomalyConnect.Contracts.Corporate;

/// <summary>
/// One signed HR webhook event. <paramref name="EventId"/> is applied at most once; an event that occurred before the
/// last one applied to the employee changes nothing. <paramref name="Days"/> (hired only) null means no expiry.
/// </summary>
public sealed record HrEvent(
    string EventId,
    HrEventType Type,
    string EmployeeId,
    DateTimeOffset OccurredAt,
    string? FullName = null,
    string? Email = null,
    int? Days = null);

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>POST /webhooks/hr-events, parsed only after its signature was verified.</summary>
public sealed record HrEventBody(
    string? EventId, string? Type, string? EmployeeId, DateTimeOffset? OccurredAt, string? FullName, string? Email, int? Days);

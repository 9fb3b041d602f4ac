namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>POST /admin/api/corporate/registry.</summary>
public sealed record RegisterEmployeeBody(string? EmployeeId);

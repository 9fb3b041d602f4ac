namespace AnomalyConnect.Contracts.Corporate;

/// <summary>POST /access/grant and employee.hired. Days null means no expiry.</summary>
public sealed record GrantRequest(string EmployeeId, string? FullName, string? Email, long? TelegramId, int? Days, long? TrafficLimitBytes);

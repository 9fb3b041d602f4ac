namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>POST /access/grant. <c>traffic_limit_gb</c> is in GiB; no <c>days</c> means CORPORATE_DEFAULT_DAYS, or no expiry.</summary>
public sealed record GrantBody(string? EmployeeId, string? FullName, string? Email, long? TelegramId, int? Days, double? TrafficLimitGb);

using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>The filter a bulk job runs on, as the admin API shows it.</summary>
public sealed record BulkFilterResponse(string? Query, UserStatus? Status);

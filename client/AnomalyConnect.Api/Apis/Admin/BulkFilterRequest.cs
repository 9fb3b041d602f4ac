using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>Which users a bulk action reaches: the admin search's query and status.</summary>
public sealed record BulkFilterRequest(string? Query, UserStatus? Status);

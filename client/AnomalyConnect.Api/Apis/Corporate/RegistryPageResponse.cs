namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>GET /admin/api/corporate/registry.</summary>
public sealed record RegistryPageResponse(IReadOnlyList<RegistryEntryResponse> Employees, int Page, int PageSize);

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>
/// <c>POST /admin/api/bulk-actions</c>: <c>{"filter": {"query": "…", "status": "expired"}, "action": {"type": "extend", "days": 30}}</c>;
/// type is extend (with days), disable (optional reason), enable or reset_traffic.
/// </summary>
public sealed record BulkActionRequest(BulkFilterRequest? Filter, BulkActionBody? Action);

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>What a bulk action does: type extend (with days), disable (optional reason), enable or reset_traffic.</summary>
public sealed record BulkActionBody(string? Type, int? Days, string? Reason);

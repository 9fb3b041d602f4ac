namespace AnomalyConnect.Contracts.Admin;

/// <summary>What a bulk job does (<paramref name="Action"/>) to which users (<paramref name="Filter"/>).</summary>
public sealed record BulkJobRequest(BulkUserFilter Filter, BulkAction Action);

namespace AnomalyConnect.Contracts.Admin;

/// <summary>The changes a bulk job can make.</summary>
public enum BulkActionKind
{
    Extend,
    Disable,
    Enable,
    ResetTraffic,
}

namespace AnomalyConnect.Contracts.Admin;

/// <summary>Whether a bulk job still has users to change.</summary>
public enum BulkJobStatus
{
    Running,
    Completed,
}

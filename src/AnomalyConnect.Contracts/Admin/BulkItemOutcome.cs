namespace AnomalyConnect.Contracts.Admin;

/// <summary>What a bulk job's change did to one user.</summary>
public enum BulkItemOutcome
{
    Changed,
    Unchanged,
    /// <summary>The user no longer exists.</summary>
    Skipped,
    /// <summary>The user refused the change (e.g. days out of range).</summary>
    Failed,
}

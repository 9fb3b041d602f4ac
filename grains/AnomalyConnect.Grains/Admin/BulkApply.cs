using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;

namespace AnomalyConnect.Grains.Admin;

/// <summary>Outbox message of a bulk job: apply <paramref name="Action"/> to one user on behalf of <paramref name="Actor"/>.</summary>
public sealed record BulkApply(string JobId, string UserId, BulkAction Action, Actor Actor)
{
    public const string OutboxKind = "bulk.apply";

    /// <summary>Each user's change is its own partition: they are independent and may be delivered side by side.</summary>
    public static string PartitionOf(string jobId, string userId) => $"bulk:{jobId}:{userId}";

    /// <summary>The actor reference the user's audit entry carries; it marks the change as done for this job.</summary>
    public static string ReferenceOf(string jobId) => $"bulk-job:{jobId}";
}

using AnomalyConnect.Contracts.Audit;

namespace AnomalyConnect.Contracts.Admin;

/// <summary>
/// A bulk job's progress. <see cref="Matched"/> is how many users matched when it started; <see cref="Enqueued"/>
/// how many changes it has queued so far; <see cref="Processed"/> how many of them were applied (and how).
/// </summary>
public sealed record BulkJobView(
    string JobId,
    BulkJobStatus Status,
    BulkUserFilter Filter,
    BulkAction Action,
    Actor CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    long Matched,
    long Enqueued,
    long Processed,
    long Changed,
    long Unchanged,
    long Skipped,
    long Failed);

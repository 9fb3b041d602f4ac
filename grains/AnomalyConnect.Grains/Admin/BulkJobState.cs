using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;

namespace AnomalyConnect.Grains.Admin;

/// <summary>
/// The bulk job grain's state. <see cref="Cursor"/> is the last user id queued: users are paged in id order, and the
/// cursor moves in the same turn as the queued changes, so each user is queued once whatever crashes when.
/// Which users were applied is in <c>bulk_job_items</c>, written in the job's turns.
/// </summary>
internal sealed class BulkJobState
{
    public required BulkUserFilter Filter { get; set; }

    public required BulkAction Action { get; set; }

    public required Actor CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public long Matched { get; set; }

    public string? Cursor { get; set; }

    public bool PagingDone { get; set; }

    public long Enqueued { get; set; }

    public long Processed { get; set; }

    public long Changed { get; set; }

    public long Unchanged { get; set; }

    public long Skipped { get; set; }

    public long Failed { get; set; }
}

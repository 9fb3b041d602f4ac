using System.Text.Json;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>A bulk job's progress as the admin API returns it.</summary>
public sealed record BulkJobResponse(
    string JobId,
    BulkJobStatus Status,
    BulkFilterResponse Filter,
    BulkActionBody Action,
    Actor CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    long Matched,
    long Enqueued,
    long Processed,
    long Changed,
    long Unchanged,
    long Skipped,
    long Failed)
{
    public static BulkJobResponse Of(BulkJobView job) => new(
        job.JobId, job.Status, new BulkFilterResponse(job.Filter.Query, job.Filter.Status),
        new BulkActionBody(JsonNamingPolicy.SnakeCaseLower.ConvertName(job.Action.Kind.ToString()), job.Action.Days, job.Action.Reason),
        job.CreatedBy, job.CreatedAt, job.CompletedAt, job.Matched, job.Enqueued, job.Processed, job.Changed, job.Unchanged, job.Skipped, job.Failed);
}

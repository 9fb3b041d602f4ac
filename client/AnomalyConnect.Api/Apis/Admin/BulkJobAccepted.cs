namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>The answer to a started bulk action: the job to follow at /admin/api/bulk-actions/{job_id}.</summary>
public sealed record BulkJobAccepted(string JobId);

using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>A bulk action's progress; the page reloads itself every few seconds while the job runs.</summary>
public static class BulkJobPages
{
    public static void Map(RouteGroupBuilder pages) => pages.MapGet("/bulk/{jobId}", ShowAsync);

    public static async Task<IResult> ShowAsync(string jobId, HttpContext http, IGrainFactory grains)
    {
        var admin = AdminRequest.Of(http);
        if (await grains.GetGrain<IBulkJobGrain>(jobId).GetAsync() is not { } job)
        {
            return AdminPages.Page(admin, "/admin/users", "No such bulk action", Html.Of($"""<p>There is no bulk action '{jobId}'.</p>"""), status: StatusCodes.Status404NotFound);
        }
        var running = job.Status == BulkJobStatus.Running;
        var target = Math.Max(job.Matched, job.Enqueued);
        var body = Html.Of(
            $"""
            <div class="panel">
              <p><span class="badge {AdminFormat.Name(job.Status)}">{AdminFormat.Label(job.Status)}</span>
                 {AdminFormat.Label(job.Action.Kind)}{(job.Action.Days is { } days ? $" by {days} days" : "")}{(job.Action.Reason is { } reason ? $" ({reason})" : "")}
                 on users matching “{job.Filter.Query ?? "everything"}”{(job.Filter.Status is { } status ? $", status {AdminFormat.Label(status)}" : "")}</p>
              <progress max="{Math.Max(1, target)}" value="{job.Processed}">{job.Processed} of {target}</progress>
              <dl class="facts">
                <dt>Matched at start</dt><dd>{AdminFormat.Number(job.Matched)}</dd>
                <dt>Queued</dt><dd>{AdminFormat.Number(job.Enqueued)}</dd>
                <dt>Done</dt><dd id="processed">{AdminFormat.Number(job.Processed)}</dd>
                <dt>Changed</dt><dd>{AdminFormat.Number(job.Changed)}</dd>
                <dt>Unchanged</dt><dd>{AdminFormat.Number(job.Unchanged)}</dd>
                <dt>Skipped (gone)</dt><dd>{AdminFormat.Number(job.Skipped)}</dd>
                <dt>Refused</dt><dd>{AdminFormat.Number(job.Failed)}</dd>
                <dt>Started</dt><dd>{AdminFormat.Time(job.CreatedAt)} by {job.CreatedBy.Id}</dd>
                <dt>Finished</dt><dd>{AdminFormat.Time(job.CompletedAt)}</dd>
              </dl>
            </div>
            <p><a href="/admin/audit?subject_type=bulk-job&subject_id={Uri.EscapeDataString(jobId)}">Audit entries</a> · <a href="/admin/users">Users</a></p>
            """);
        return AdminPages.Page(admin, "/admin/users", "Bulk action", body,
            head: running ? Html.Of($"""<meta http-equiv="refresh" content="2">""") : Html.Empty);
    }
}

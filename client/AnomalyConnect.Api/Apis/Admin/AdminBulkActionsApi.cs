using System.Security.Cryptography;
using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>
/// Bulk actions on a filtered set of users, run as durable background work (a bulk-job grain):
/// <c>POST /admin/api/bulk-actions</c> → 202 <c>{job_id}</c>; <c>GET /admin/api/bulk-actions/{job_id}</c> → progress.
/// </summary>
public static class AdminBulkActionsApi
{
    public static IEndpointRouteBuilder MapAdminBulkActionsApi(this IEndpointRouteBuilder routes)
    {
        var jobs = routes.MapGroup("/admin/api/bulk-actions").AddEndpointFilter<AdminTokenFilter>();
        jobs.MapPost("/", StartAsync);
        jobs.MapGet("/{jobId}", GetAsync);
        return routes;
    }

    public static async Task<Results<Accepted<BulkJobAccepted>, ProblemHttpResult>> StartAsync(BulkActionRequest request, HttpContext http, IGrainFactory grains)
    {
        if (ToJobRequest(request) is not { } job)
        {
            return Problems.BadRequest("action.type must be extend, disable, enable or reset_traffic.");
        }
        if (job.Action.Validate() is { } error)
        {
            return Problems.BadRequest(error);
        }
        var started = await StartJobAsync(job, AdminRequestActor.Of(http), grains);
        return TypedResults.Accepted($"/admin/api/bulk-actions/{started.JobId}", new BulkJobAccepted(started.JobId));
    }

    public static async Task<Results<Ok<BulkJobResponse>, ProblemHttpResult>> GetAsync(string jobId, IGrainFactory grains) =>
        await grains.GetGrain<IBulkJobGrain>(jobId).GetAsync() is { } job
            ? TypedResults.Ok(BulkJobResponse.Of(job))
            : Problems.NotFound($"There is no bulk action '{jobId}'.");

    /// <summary>Starts a job under a new id (also used by the admin UI).</summary>
    public static Task<BulkJobView> StartJobAsync(BulkJobRequest request, Contracts.Audit.Actor actor, IGrainFactory grains) =>
        grains.GetGrain<IBulkJobGrain>(NewJobId()).StartAsync(request, actor);

    public static string NewJobId() => "bulk-" + RandomNumberGenerator.GetHexString(16, lowercase: true);

    private static BulkJobRequest? ToJobRequest(BulkActionRequest request)
    {
        var type = request.Action?.Type?.Replace("_", "", StringComparison.Ordinal);
        if (!Enum.TryParse<BulkActionKind>(type, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return null;
        }
        return new BulkJobRequest(
            new BulkUserFilter(request.Filter?.Query, request.Filter?.Status),
            new BulkAction(kind, request.Action!.Days, request.Action.Reason));
    }
}

using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary><c>GET /admin/api/audit?subject_type=&amp;subject_id=&amp;actor_kind=&amp;action=&amp;page=&amp;page_size=</c>: the audit trail, newest first.</summary>
public static class AdminAuditApi
{
    public static IEndpointRouteBuilder MapAdminAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/admin/api/audit").AddEndpointFilter<AdminTokenFilter>().MapGet("/", ListAsync);
        return routes;
    }

    public static async Task<Ok<AuditPage>> ListAsync(
        [FromQuery(Name = "subject_type")] string? subjectType,
        [FromQuery(Name = "subject_id")] string? subjectId,
        [FromQuery(Name = "actor_kind")] string? actorKind,
        string? action,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        IAuditLog audit,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ListAsync(
            new AuditQuery(Blank(subjectType), Blank(subjectId), Blank(actorKind), Blank(action), page ?? 1, pageSize ?? 50), cancellationToken));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Contracts.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>The audit trail, newest first: who (kind, id, address) did what to which subject, when, with details.</summary>
public static class AuditPage
{
    private const int PageSize = 50;

    public static void Map(RouteGroupBuilder pages) => pages.MapGet("/audit", ShowAsync);

    public static async Task<IResult> ShowAsync(
        HttpContext http, IAuditLog audit,
        [FromQuery(Name = "subject_type")] string? subjectType, [FromQuery(Name = "subject_id")] string? subjectId,
        [FromQuery(Name = "actor_kind")] string? actorKind, string? action, int? page)
    {
        var query = new AuditQuery(Blank(subjectType), Blank(subjectId), Blank(actorKind), Blank(action), Math.Max(1, page ?? 1), PageSize);
        var found = await audit.ListAsync(query, http.RequestAborted);
        var filter = $"subject_type={Uri.EscapeDataString(query.SubjectType ?? "")}&subject_id={Uri.EscapeDataString(query.SubjectId ?? "")}"
            + $"&actor_kind={Uri.EscapeDataString(query.ActorKind ?? "")}&action={Uri.EscapeDataString(query.Action ?? "")}";
        var pages = (int)Math.Max(1, (found.Total + PageSize - 1) / PageSize);
        var body = Html.Of(
            $"""
            <form method="get" action="/admin/audit" class="panel grid">
              {AdminForms.Field("subject_type", "Subject type", query.SubjectType, hint: "user, node, admin, bulk-job…")}
              {AdminForms.Field("subject_id", "Subject id", query.SubjectId)}
              {AdminForms.Field("actor_kind", "Actor kind", query.ActorKind, hint: "admin, system, payment, telegram, hr…")}
              {AdminForms.Field("action", "Action", query.Action, hint: "user.extend, node.registered…")}
              <button type="submit">Filter</button>
            </form>
            <p class="muted">{AdminFormat.Number(found.Total)} entries.</p>
            {Table(found.Entries)}
            <div class="pager">
              {Html.When(found.Page > 1, Html.Of($"""<a href="/admin/audit?{filter}&page={found.Page - 1}">← newer</a>"""))}
              <span class="muted">page {found.Page} of {pages}</span>
              {Html.When(found.Page < pages, Html.Of($"""<a href="/admin/audit?{filter}&page={found.Page + 1}">older →</a>"""))}
            </div>
            """);
        return AdminPages.Page(AdminRequest.Of(http), "/admin/audit", "Audit log", body);
    }

    public static Html Table(IReadOnlyList<AuditEntry> entries) =>
        entries.Count == 0
            ? Html.Of($"""<p class="muted">No entries.</p>""")
            : Html.Of(
                $"""
                <div class="table-wrap"><table class="audit">
                <thead><tr><th>When</th><th>Who</th><th>From</th><th>What</th><th>Subject</th><th>Details</th></tr></thead>
                <tbody>{Html.Join(entries.Select(e => Html.Of(
                    $"""
                    <tr><td>{AdminFormat.Time(e.At)}</td><td>{e.Actor.Kind}: {e.Actor.Id}{(e.Actor.Reference is { } reference ? $" ({reference})" : "")}</td>
                    <td>{e.Actor.Address}</td><td>{e.Action}</td><td>{SubjectLink(e)}</td>
                    <td class="wrap mono">{string.Join(", ", e.Details.Where(d => d.Value is not null).Select(d => $"{d.Key}={d.Value}"))}</td></tr>
                    """)))}</tbody>
                </table></div>
                """);

    private static Html SubjectLink(AuditEntry entry) => entry.SubjectType switch
    {
        "user" => Html.Of($"""<a href="/admin/users/{Uri.EscapeDataString(entry.SubjectId)}">user {entry.SubjectId}</a>"""),
        "node" => Html.Of($"""<a href="/admin/nodes/{Uri.EscapeDataString(entry.SubjectId)}">node {entry.SubjectId}</a>"""),
        "bulk-job" => Html.Of($"""<a href="/admin/bulk/{Uri.EscapeDataString(entry.SubjectId)}">bulk {entry.SubjectId}</a>"""),
        _ => Html.Of($"{entry.SubjectType} {entry.SubjectId}"),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

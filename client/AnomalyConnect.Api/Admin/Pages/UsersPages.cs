using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Api.Apis.Admin;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>Users: search by id, Telegram id or @username, employee id, name or e-mail and status; create; bulk actions on the filter.</summary>
public static class UsersPages
{
    private const int PageSize = 50;

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/users", SearchAsync);
        pages.MapPost("/users", CreateAsync);
        pages.MapPost("/bulk", StartBulkAsync);
    }

    public static async Task<IResult> SearchAsync(HttpContext http, IUserDirectory directory, string? query, string? status, int? page) =>
        await RenderAsync(http, directory, query, status, page, error: null, StatusCodes.Status200OK);

    public static async Task<IResult> CreateAsync(HttpContext http, IGrainFactory grains, IUserDirectory directory)
    {
        var admin = AdminRequest.Of(http);
        var form = await AdminForms.ReadAsync(http);
        var (days, daysError) = AdminForms.Number(form, "days", "Days", 0, 36_500);
        var (gb, gbError) = AdminForms.Decimal(form, "traffic_limit_gb", "Traffic limit (GB)", 0, 1_000_000_000);
        var (telegramId, telegramError) = AdminForms.Number(form, "telegram_id", "Telegram id", 1, long.MaxValue);
        var (deviceLimit, deviceError) = AdminForms.Number(form, "device_limit", "Device limit", 1, 1000);
        if ((daysError ?? gbError ?? telegramError ?? deviceError) is { } error)
        {
            return await RenderAsync(http, directory, null, null, 1, error, StatusCodes.Status400BadRequest);
        }
        var userId = UserIds.New();
        var result = await grains.GetGrain<IUserGrain>(userId).CreateAsync(new NewUser(
            (int?)days, gb is { } limit ? (long)Math.Round(limit * TrafficUnits.BytesPerGb) : null, TrafficResetStrategy.NoReset, null,
            telegramId, AdminForms.Text(form, "username")?.TrimStart('@'), AdminForms.Text(form, "employee_id"), AdminForms.Text(form, "display_name"),
            AdminForms.Text(form, "email"), null, (int?)deviceLimit, AdminForms.Text(form, "note")), admin.Actor);
        return result.Outcome == UserOutcome.Done
            ? Results.Redirect($"/admin/users/{Uri.EscapeDataString(userId)}?done=created")
            : await RenderAsync(http, directory, null, null, 1, result.Error ?? "The user could not be created.", StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> StartBulkAsync(HttpContext http, IGrainFactory grains, IUserDirectory directory)
    {
        var form = await AdminForms.ReadAsync(http);
        var query = AdminForms.Text(form, "query");
        var statusText = AdminForms.Text(form, "status");
        UserStatus? status = AdminFormat.TryParse<UserStatus>(statusText, out var parsed) ? parsed : null;
        var (days, daysError) = AdminForms.Number(form, "days", "Days", 1, BulkAction.MaxDays);
        if (!AdminFormat.TryParse<BulkActionKind>(AdminForms.Text(form, "action"), out var kind))
        {
            return await RenderAsync(http, directory, query, statusText, 1, "Choose what to do to the users.", StatusCodes.Status400BadRequest);
        }
        var action = new BulkAction(kind, kind == BulkActionKind.Extend ? (int?)days : null, kind == BulkActionKind.Disable ? AdminForms.Text(form, "reason") : null);
        if ((daysError ?? action.Validate()) is { } error)
        {
            return await RenderAsync(http, directory, query, statusText, 1, error, StatusCodes.Status400BadRequest);
        }
        var job = await AdminBulkActionsApi.StartJobAsync(new BulkJobRequest(new BulkUserFilter(query, status), action), AdminRequest.Of(http).Actor, grains);
        return Results.Redirect($"/admin/bulk/{Uri.EscapeDataString(job.JobId)}");
    }

    public static Html StatusBadge(UserStatus status) => Html.Of($"""<span class="badge {AdminFormat.Name(status)}">{AdminFormat.Label(status)}</span>""");

    private static async Task<IResult> RenderAsync(HttpContext http, IUserDirectory directory, string? query, string? status, int? page, string? error, int code)
    {
        var admin = AdminRequest.Of(http);
        UserStatus? statusFilter = AdminFormat.TryParse<UserStatus>(status, out var parsed) ? parsed : null;
        var found = await directory.SearchAsync(new UserQuery(BulkUserFilter.NormalizeQuery(query), statusFilter, Math.Max(1, page ?? 1), PageSize), http.RequestAborted);
        var statusOptions = new[] { ("", "any status") }.Concat(Enum.GetValues<UserStatus>().Select(s => (AdminFormat.Name(s), AdminFormat.Label(s)))).ToList();
        var filterQuery = $"query={Uri.EscapeDataString(query ?? "")}&status={Uri.EscapeDataString(statusFilter is { } sf ? AdminFormat.Name(sf) : "")}";
        var pages = (int)Math.Max(1, (found.Total + PageSize - 1) / PageSize);
        var body = Html.Of(
            $"""
            <form method="get" action="/admin/users" class="panel grid" role="search">
              {AdminForms.Field("query", "Find", query, "search", hint: "id, Telegram id or @username, employee id, name, e-mail")}
              {AdminForms.Select("status", "Status", statusFilter is { } s ? AdminFormat.Name(s) : "", statusOptions)}
              <button type="submit">Search</button>
            </form>
            <p class="muted">{AdminFormat.Number(found.Total)} users match.</p>
            {Table(found.Users)}
            <div class="pager">
              {Html.When(found.Page > 1, Html.Of($"""<a href="/admin/users?{filterQuery}&page={found.Page - 1}">← previous</a>"""))}
              <span class="muted">page {found.Page} of {pages}</span>
              {Html.When(found.Page < pages, Html.Of($"""<a href="/admin/users?{filterQuery}&page={found.Page + 1}">next →</a>"""))}
            </div>
            <details><summary>Change every user this search finds ({AdminFormat.Number(found.Total)})</summary>
              <form method="post" action="/admin/bulk" class="panel grid" data-confirm="Apply this change to every matching user?">
                {AdminForms.Csrf(admin)}
                <input type="hidden" name="query" value="{query}">
                <input type="hidden" name="status" value="{(statusFilter is { } bs ? AdminFormat.Name(bs) : "")}">
                {AdminForms.Select("action", "Action", "extend", [("extend", "extend"), ("disable", "disable"), ("enable", "enable"), ("reset_traffic", "reset traffic")])}
                {AdminForms.Field("days", "Days (extend)", "30", "number")}
                {AdminForms.Field("reason", "Reason (disable)", null)}
                <button type="submit">Start bulk action</button>
              </form>
            </details>
            <details><summary>Create a user</summary>
              <form method="post" action="/admin/users" class="panel grid">
                {AdminForms.Csrf(admin)}
                {AdminForms.Field("display_name", "Name", null)}
                {AdminForms.Field("username", "Telegram username", null)}
                {AdminForms.Field("telegram_id", "Telegram id", null, "number")}
                {AdminForms.Field("employee_id", "Employee id", null)}
                {AdminForms.Field("email", "E-mail", null, "email")}
                {AdminForms.Field("days", "Days (empty: no expiry)", "30", "number")}
                {AdminForms.Field("traffic_limit_gb", "Traffic limit, GB (empty: unlimited)", null)}
                {AdminForms.Field("device_limit", "Device limit", null, "number")}
                {AdminForms.Field("note", "Note", null)}
                <button type="submit">Create</button>
              </form>
            </details>
            """);
        return AdminPages.Page(admin, "/admin/users", "Users", body, error: error, status: code);
    }

    private static Html Table(IReadOnlyList<UserView> users) =>
        users.Count == 0
            ? Html.Of($"""<p class="muted">No users.</p>""")
            : Html.Of(
                $"""
                <div class="table-wrap"><table>
                <thead><tr><th>User</th><th>Name</th><th>Telegram</th><th>Employee</th><th>Status</th><th>Expires</th><th>Used / limit</th></tr></thead>
                <tbody>{Html.Join(users.Select(u => Html.Of(
                    $"""
                    <tr><td><a href="/admin/users/{Uri.EscapeDataString(u.UserId)}">{u.UserId}</a></td>
                    <td>{u.DisplayName}</td><td>{(u.Username is null ? "" : "@" + u.Username)} <span class="muted">{u.TelegramId}</span></td>
                    <td>{u.EmployeeId}</td><td>{StatusBadge(u.Status)}</td><td>{AdminFormat.Date(u.ExpiresAt)}</td>
                    <td>{AdminFormat.Bytes(u.UsedBytes)} / {(u.TrafficLimitBytes is { } limit ? AdminFormat.Bytes(limit) : "∞")}</td></tr>
                    """)))}</tbody>
                </table></div>
                """);
}

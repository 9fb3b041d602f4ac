using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Api.Apis;
using AnomalyConnect.Api.Apis.Admin;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Contracts.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>One user: facts, the operator's actions, daily usage, usage per node, devices and the user's audit trail.</summary>
public static class UserDetailPage
{
    private const int ChartDays = 30;

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["created"] = "The user was created.",
        ["extend"] = "The term was extended.",
        ["traffic-limit"] = "The traffic limit was set.",
        ["reset-traffic"] = "The used traffic was reset.",
        ["disable"] = "The user was disabled.",
        ["enable"] = "The user was enabled.",
        ["revoke"] = "New credentials and subscription link were issued; the old ones stop working.",
        ["device"] = "The device was forgotten; its slot is free.",
        ["unchanged"] = "Nothing needed to change.",
    };

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/users/{userId}", ShowAsync);
        pages.MapPost("/users/{userId}/{action}", ActAsync);
    }

    public static async Task<IResult> ShowAsync(string userId, string? done, HttpContext http, IServiceProvider services) =>
        await RenderAsync(userId, http, services, done is null ? null : Notices.GetValueOrDefault(done), error: null);

    public static async Task<IResult> ActAsync(string userId, string action, HttpContext http, IGrainFactory grains, IServiceProvider services)
    {
        var admin = AdminRequest.Of(http);
        var form = await AdminForms.ReadAsync(http);
        if (action == "device")
        {
            var removed = AdminForms.Text(form, "hwid") is { } hwid && await grains.GetGrain<IUserDevicesGrain>(userId).RemoveAsync(hwid);
            if (removed)
            {
                await services.GetRequiredService<IAuditLog>().RecordAsync(
                    new AuditRecord("user.device_removed", "user", userId, admin.Actor, new Dictionary<string, string?> { ["hwid"] = AdminForms.Text(form, "hwid") }),
                    http.RequestAborted);
            }
            return Results.Redirect(Path(userId) + (removed ? "?done=device" : "?done=unchanged"));
        }
        var (change, error) = ActionOf(action, form);
        if (change is null)
        {
            return await RenderAsync(userId, http, services, null, error ?? "Unknown action.", StatusCodes.Status400BadRequest);
        }
        var result = await grains.GetGrain<IUserGrain>(userId).ApplyAsync(change, admin.Actor);
        return result.Outcome switch
        {
            UserOutcome.Done => Results.Redirect($"{Path(userId)}?done={action}"),
            UserOutcome.Unchanged => Results.Redirect($"{Path(userId)}?done=unchanged"),
            _ => await RenderAsync(userId, http, services, null, result.Error ?? "The change was refused.", StatusCodes.Status400BadRequest),
        };
    }

    private static (UserAction? Action, string? Error) ActionOf(string action, IFormCollection form)
    {
        switch (action)
        {
            case "extend":
                var (days, daysError) = AdminForms.Number(form, "days", "Days", 1, 36_500);
                return days is { } d ? (new UserAction.Extend((int)d), null) : (null, daysError ?? "Give the number of days.");
            case "traffic-limit":
                var (gb, gbError) = AdminForms.Decimal(form, "traffic_limit_gb", "Traffic limit (GB)", 0, 1_000_000_000);
                return gbError is null ? (new UserAction.SetTrafficLimit(gb is { } g ? (long)Math.Round(g * TrafficUnits.BytesPerGb) : null), null) : (null, gbError);
            case "reset-traffic":
                return (new UserAction.ResetTraffic(), null);
            case "disable":
                return (new UserAction.Disable(AdminForms.Text(form, "reason")), null);
            case "enable":
                return (new UserAction.Enable(), null);
            case "revoke":
                return (new UserAction.RevokeSubscription(), null);
            default:
                return (null, null);
        }
    }

    private static string Path(string userId) => "/admin/users/" + Uri.EscapeDataString(userId);

    private static async Task<IResult> RenderAsync(string userId, HttpContext http, IServiceProvider services, string? notice, string? error, int status = StatusCodes.Status200OK)
    {
        var admin = AdminRequest.Of(http);
        var grains = services.GetRequiredService<IGrainFactory>();
        if (await grains.GetGrain<IUserGrain>(userId).GetAsync() is not { } user)
        {
            return AdminPages.Page(admin, "/admin/users", "No such user", Html.Of($"""<p>There is no user '{userId}'.</p>"""), status: StatusCodes.Status404NotFound);
        }
        var statistics = services.GetRequiredService<IAdminStatistics>();
        var daily = await statistics.DailyUsageAsync(userId, ChartDays, http.RequestAborted);
        var perNode = await statistics.UsageByNodeAsync(userId, http.RequestAborted);
        var audit = await services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery("user", userId, PageSize: 20), http.RequestAborted);
        var devices = await grains.GetGrain<IUserDevicesGrain>(userId).ListAsync();
        var appUrl = services.GetRequiredService<IOptions<FrontEndOptions>>().Value.AppUrl;
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var path = Path(userId);
        var body = Html.Of(
            $"""
            <div class="panel"><dl class="facts">
              <dt>Status</dt><dd>{UsersPages.StatusBadge(user.Status)} {user.DisabledReason}</dd>
              <dt>Expires</dt><dd>{(user.ExpiresAt is null ? (user.OnHoldDays is { } hold ? $"on hold: {hold} days from first use" : "never") : AdminFormat.Time(user.ExpiresAt))}</dd>
              <dt>Traffic</dt><dd>{AdminFormat.Bytes(user.UsedBytes)} of {(user.TrafficLimitBytes is { } limit ? AdminFormat.Bytes(limit) : "unlimited")} (↑ {AdminFormat.Bytes(user.UsedUploadBytes)} / ↓ {AdminFormat.Bytes(user.UsedDownloadBytes)}), reset: {AdminFormat.Label(user.ResetStrategy)}</dd>
              <dt>Name</dt><dd>{user.DisplayName}</dd>
              <dt>Telegram</dt><dd>{(user.Username is null ? "" : "@" + user.Username)} {user.TelegramId}</dd>
              <dt>Employee id</dt><dd>{user.EmployeeId}</dd><dt>E-mail</dt><dd>{user.Email}</dd>
              <dt>Nodes</dt><dd>{string.Join(", ", user.Placements.Select(p => $"{p.NodeId} ({AdminFormat.Label(p.Protocol)})"))}</dd>
              <dt>Devices</dt><dd>{devices.Count} of {(user.DeviceLimit is { } dl ? dl.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited")}</dd>
              <dt>Created</dt><dd>{AdminFormat.Time(user.CreatedAt)}</dd>
              <dt>Subscription</dt><dd><code>{SubscriptionUrls.For(appUrl, user.Credentials.SubscriptionToken)}</code></dd>
            </dl></div>
            <h2>Actions</h2>
            <div class="actions panel">
              <form method="post" action="{path}/extend">{AdminForms.Csrf(admin)}{AdminForms.Field("days", "Days", "30", "number", required: true)}<button type="submit">Extend</button></form>
              <form method="post" action="{path}/traffic-limit">{AdminForms.Csrf(admin)}{AdminForms.Field("traffic_limit_gb", "Limit, GB (empty: unlimited)", user.TrafficLimitBytes is { } l ? Math.Round((decimal)l / TrafficUnits.BytesPerGb, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)}<button type="submit">Set limit</button></form>
              {AdminForms.Button(admin, path + "/reset-traffic", "Reset traffic", $"Reset the used traffic of {userId}?", "secondary")}
              {(user.Status == UserStatus.Disabled
                  ? AdminForms.Button(admin, path + "/enable", "Enable")
                  : Html.Of($"""<form method="post" action="{path}/disable" data-confirm="Disable {userId}? It is removed from every node.">{AdminForms.Csrf(admin)}{AdminForms.Field("reason", "Reason", null)}<button type="submit" class="danger">Disable</button></form>"""))}
              {AdminForms.Button(admin, path + "/revoke", "New link and credentials", "Issue new credentials? The current links stop working.", "secondary")}
            </div>
            <h2>Daily traffic, last {ChartDays} days</h2>
            {UsageChart.Render(daily, today, ChartDays)}
            <h2>Traffic by node</h2>
            {NodeUsageTable(perNode)}
            <h2>Devices</h2>
            {DevicesTable(admin, path, devices)}
            <h2>Audit</h2>
            {AuditPage.Table(audit.Entries)}
            <p><a href="/admin/audit?subject_type=user&subject_id={Uri.EscapeDataString(userId)}">All {audit.Total} entries</a></p>
            """);
        return AdminPages.Page(admin, "/admin/users", $"User {userId}", body, notice, error, status);
    }

    private static Html NodeUsageTable(IReadOnlyList<NodeUsage> usage) =>
        usage.Count == 0
            ? Html.Of($"""<p class="muted">No traffic since the last reset.</p>""")
            : Html.Of(
                $"""
                <div class="table-wrap"><table><thead><tr><th>Node</th><th>Upload</th><th>Download</th></tr></thead><tbody>
                {Html.Join(usage.Select(u => Html.Of($"""<tr><td>{u.NodeId}</td><td>{AdminFormat.Bytes(u.UploadBytes)}</td><td>{AdminFormat.Bytes(u.DownloadBytes)}</td></tr>""")))}
                </tbody></table></div>
                """);

    private static Html DevicesTable(AdminRequest admin, string path, IReadOnlyList<UserDevice> devices) =>
        devices.Count == 0
            ? Html.Of($"""<p class="muted">No device has fetched the subscription yet.</p>""")
            : Html.Of(
                $"""
                <div class="table-wrap"><table><thead><tr><th>Device</th><th>App</th><th>First seen</th><th>Last seen</th><th>Address</th><th></th></tr></thead><tbody>
                {Html.Join(devices.Select(d => Html.Of(
                    $"""
                    <tr><td class="wrap">{d.Os} {d.Model} <span class="muted mono">{d.Hwid}</span></td><td>{d.App}</td><td>{AdminFormat.Time(d.FirstSeen)}</td>
                    <td>{AdminFormat.Time(d.LastSeen)}</td><td>{d.LastAddress}</td>
                    <td><form method="post" action="{path}/device" class="inline" data-confirm="Forget this device?">{AdminForms.Csrf(admin)}<input type="hidden" name="hwid" value="{d.Hwid}"><button type="submit" class="secondary">Forget</button></form></td></tr>
                    """)))}
                </tbody></table></div>
                """);
}

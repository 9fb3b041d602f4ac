using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>The first page after login: users by status, online now, traffic today, revenue, backlog, and the nodes' health and load.</summary>
public static partial class OverviewPage
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("", ShowAsync);
    }

    public static async Task<IResult> ShowAsync(
        HttpContext http, IUserDirectory users, INodeDirectory nodes, IAdminStatistics statistics, TimeProvider clock, ILoggerFactory loggers)
    {
        var admin = AdminRequest.Of(http);
        var counts = await users.CountByStatusAsync(http.RequestAborted);
        var stats = await statistics.ReadAsync(http.RequestAborted);
        var nodeList = await nodes.ListAsync(http.RequestAborted);
        var revenue = await RevenueAsync(http, clock, loggers);
        var body = Html.Of(
            $"""
            <section class="cards">
              {Card(AdminFormat.Number(counts.Values.Sum()), "users")}
              {Html.Join(Enum.GetValues<UserStatus>().Select(s => Card(AdminFormat.Number(counts.GetValueOrDefault(s)), AdminFormat.Label(s), $"/admin/users?status={AdminFormat.Name(s)}")))}
              {Card(AdminFormat.Number(stats.OnlineUsers), "online now")}
              {Card(AdminFormat.Bytes(stats.TrafficTodayBytes), "traffic today (UTC)")}
              {revenue}
              {Card(AdminFormat.Number(stats.OutboxPending), "outbox backlog")}
              {Html.When(stats.OutboxDead > 0, Card(AdminFormat.Number(stats.OutboxDead), "undeliverable messages"))}
              {Html.When(stats.OverdueTimers > 0, Card(AdminFormat.Number(stats.OverdueTimers), "overdue timers"))}
            </section>
            <h2>Nodes</h2>
            {NodesPages.Table(nodeList)}
            """);
        return AdminPages.Page(admin, "/admin", "Overview", body);
    }

    private static Html Card(string value, string label, string? link = null) =>
        link is null
            ? Html.Of($"""<div class="card"><div class="value">{value}</div><div class="label">{label}</div></div>""")
            : Html.Of($"""<a class="card" href="{link}"><div class="value">{value}</div><div class="label">{label}</div></a>""");

    /// <summary>Revenue from the payment directory when this build has one; its absence or failure is said, not thrown.</summary>
    private static async Task<Html> RevenueAsync(HttpContext http, TimeProvider clock, ILoggerFactory loggers)
    {
        if (http.RequestServices.GetService<IPaymentDirectory>() is not { } payments)
        {
            return Card("—", "revenue: payments are not set up");
        }
        try
        {
            var report = await payments.RevenueAsync(clock.GetUtcNow(), http.RequestAborted);
            return Html.Of(
                $"""
                {Card(AdminFormat.Money(report.TodayRub) + " ₽", "revenue today", "/admin/payments")}
                {Card(AdminFormat.Money(report.MonthRub) + " ₽", "revenue this month", "/admin/payments")}
                {Html.When(report.MonthStars > 0, Card(AdminFormat.Number(report.MonthStars) + " ⭐", "Stars this month", "/admin/payments"))}
                """);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRevenueFailed(loggers.CreateLogger(typeof(OverviewPage)), exception);
            return Card("—", "revenue: unavailable");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment directory could not report revenue for the admin overview")]
    private static partial void LogRevenueFailed(ILogger logger, Exception exception);
}

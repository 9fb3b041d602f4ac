using AnomalyConnect.Admin.Tests.Support;
using AnomalyConnect.Api.Metrics;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Admin.Tests;

/// <summary>/metrics from a real silo with a real v2ray node: strict Prometheus text, and counters that follow traffic and webhooks.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_WhenTrafficFlowsThroughANodeAndWebhooksArrive_ParseStrictlyAndMove()
    {
        await using var bed = await NodeTestBed.StartAsync();
        var node = await bed.StartNodeAsync();
        await bed.RegisterAsync("node-m-1", node);
        await bed.Admin.PostAsync("/admin/api/nodes", new
        {
            id = "node-dead",
            region = "eu",
            address = "127.0.0.1",
            capacity = 10,
            xray = new { api_url = $"http://127.0.0.1:{FreePort.Next()}", flavor = "v2ray", inbound_tag = "vless-in", port = 1, security = "none" },
        });
        using var http = new HttpClient { BaseAddress = bed.Silo.BaseAddress };
        var first = await Metrics.ScrapeAsync(http);
        Assert.Equal(1, first.Sum("anomaly_metrics_database_up"));

        IReadOnlyList<PrometheusSample> now = first;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            now = await Metrics.ScrapeAsync(http);
            return now.Sum("anomaly_node_up", ("node", "node-m-1")) == 1 && now.Sum("anomaly_node_poll_errors_total", ("node", "node-dead")) >= 1;
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)), "The nodes' health never showed in /metrics.");
        var pollsBefore = now.Sum("anomaly_node_poll_duration_seconds_count", ("node", "node-m-1"), ("result", "ok"));

        var (_, uuid) = await bed.CreateUserAsync();
        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: true), "The user never got through the node.");

        // "Online" means traffic within the last poll intervals, so the user keeps fetching while we look.
        using var stop = new CancellationTokenSource();
        var browsing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await bed.CanFetchAsync(node, uuid);
                await Task.Delay(200, CancellationToken.None);
            }
        });
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            now = await Metrics.ScrapeAsync(http);
            return now.Sum("anomaly_node_traffic_bytes_total", ("node", "node-m-1"), ("direction", "download")) >= NodeTestBed.PageBytes
                && now.Sum("anomaly_traffic_today_bytes") >= NodeTestBed.PageBytes
                && now.Sum("anomaly_users_online") >= 1;
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)),
            $"Traffic through the node never showed in /metrics: node download {now.Sum("anomaly_node_traffic_bytes_total", ("node", "node-m-1"), ("direction", "download"))}, "
            + $"today {now.Sum("anomaly_traffic_today_bytes")}, online {now.Sum("anomaly_users_online")}.");
        await stop.CancelAsync();
        await browsing;
        Assert.True(now.Sum("anomaly_node_poll_duration_seconds_count", ("node", "node-m-1"), ("result", "ok")) > pollsBefore);
        Assert.Equal(1, now.Sum("anomaly_users", ("status", "active")));
        Assert.Equal(1, now.Sum("anomaly_nodes", ("health", "healthy")));
        Assert.Equal(1, now.Sum("anomaly_node_users", ("node", "node-m-1")));
        Assert.True(now.Sum("anomaly_timer_lag_seconds_count", ("grain_type", "node")) > 0);
        Assert.True(now.Sum("anomaly_outbox_pending") >= 0);

        var webhooksBefore = now.Sum("anomaly_webhook_requests_total");
        using var hr = await http.PostAsync("/webhooks/hr-events", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var unknown = await http.PostAsync("/webhooks/no-such-hook", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var last = await Metrics.ScrapeAsync(http);

        Assert.Equal(webhooksBefore + 2, last.Sum("anomaly_webhook_requests_total"));
        Assert.Equal(1, last.Sum("anomaly_webhook_requests_total", ("webhook", "unknown"), ("result", "not_found")));
        Assert.Equal(1, last.Sum("anomaly_webhook_requests_total", ("webhook", "hr-events"), ("result", HttpMetricsMiddleware.Result((int)hr.StatusCode))));
        Assert.True(last.Sum("anomaly_http_server_duration_seconds_count", ("route", "/metrics"), ("status", "200")) >= 3);
        Assert.True(last.Sum("anomaly_http_server_duration_seconds_count", ("route", "/admin/api/nodes/"), ("method", "POST")) >= 2);
    }
}

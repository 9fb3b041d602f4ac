using System.Diagnostics.Metrics;
using AnomalyConnect.Api.Admin;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// The database-backed metrics as observable instruments of the <c>AnomalyConnect</c> meter; their callbacks read
/// what <see cref="OperationalSnapshotSource"/> last fetched.
/// </summary>
public sealed class OperationalGauges : IDisposable
{
    private readonly Meter meter = new(AnomalyMetrics.MeterName);
    private readonly OperationalSnapshotSource source;

    public OperationalGauges(OperationalSnapshotSource source)
    {
        this.source = source;
        meter.CreateObservableGauge("anomaly.metrics.database_up", () => new Measurement<int>(Values.DatabaseUp ? 1 : 0), null,
            "1 when the figures below could be read from PostgreSQL at this scrape.");
        meter.CreateObservableGauge("anomaly.users", () => Values.UsersByStatus.Select(p => Measure(p.Value, ("status", AdminFormat.Name(p.Key)))),
            "{user}", "Users by status.");
        meter.CreateObservableGauge("anomaly.users.online", () => Operations(o => o.OnlineUsers), "{user}",
            "Users whose traffic was counted within the last two poll intervals.");
        meter.CreateObservableGauge("anomaly.nodes", NodesByHealth, "{node}", "Nodes by health.");
        meter.CreateObservableGauge("anomaly.node.up", () => Values.Nodes.Select(n => Measure(n.Node.Health == NodeHealth.Healthy ? 1 : 0, ("node", n.Node.NodeId))),
            null, "1 when the node answered its last probes.");
        meter.CreateObservableGauge("anomaly.node.users", () => Values.Nodes.Select(n => Measure(n.ActiveUsers, ("node", n.Node.NodeId))),
            "{user}", "Active users placed on the node.");
        meter.CreateObservableGauge("anomaly.node.load", () => Values.Nodes.Select(n => new Measurement<double>(n.Load, new KeyValuePair<string, object?>("node", n.Node.NodeId))),
            null, "Active users divided by capacity.");
        meter.CreateObservableCounter("anomaly.node.traffic", NodeTraffic, "By", "Traffic counted on the node since it was registered.");
        meter.CreateObservableGauge("anomaly.traffic.today", () => Operations(o => o.TrafficTodayBytes), "By", "Traffic of all users today (UTC).");
        meter.CreateObservableGauge("anomaly.outbox.pending", () => Operations(o => o.OutboxPending), "{message}", "Outbox entries waiting for delivery.");
        meter.CreateObservableGauge("anomaly.outbox.dead", () => Operations(o => o.OutboxDead), "{message}", "Outbox entries given up on (outbox_dead).");
        meter.CreateObservableGauge("anomaly.timers.overdue", () => Operations(o => o.OverdueTimers), "{timer}", "Grain timers more than 5 s past due and not fired.");
        meter.CreateObservableGauge("anomaly.timers.oldest_overdue", OldestOverdue,
            "s", "How late the most overdue grain timer is.");
        meter.CreateObservableGauge("anomaly.payments", () => (Values.PaymentsByStatus ?? new Dictionary<Contracts.Payments.PaymentStatus, long>())
            .Select(p => Measure(p.Value, ("status", AdminFormat.Name(p.Key)))), "{payment}", "Payments by status.");
        meter.CreateObservableGauge("anomaly.revenue", Revenue, null, "Succeeded minus refunded payments, by currency (rub, stars) and period (today, month; UTC).");
    }

    public void Dispose() => meter.Dispose();

    private OperationalValues Values => source.Current;

    private IEnumerable<Measurement<long>> Operations(Func<OperationsSnapshot, long> read) =>
        Values.Operations is { } operations ? [new Measurement<long>(read(operations))] : [];

    private IEnumerable<Measurement<double>> OldestOverdue() =>
        Values.Operations is { } operations ? [new Measurement<double>(operations.OldestOverdueSeconds)] : [];

    private IEnumerable<Measurement<long>> NodesByHealth() =>
        Values.DatabaseUp
            ? Enum.GetValues<NodeHealth>().Select(h => Measure(Values.Nodes.LongCount(n => n.Node.Health == h), ("health", AdminFormat.Name(h))))
            : [];

    private IEnumerable<Measurement<long>> NodeTraffic() => Values.Nodes.SelectMany(n => new[]
    {
        Measure(n.Node.UploadBytes, ("node", n.Node.NodeId), ("direction", "upload")),
        Measure(n.Node.DownloadBytes, ("node", n.Node.NodeId), ("direction", "download")),
    });

    private IEnumerable<Measurement<double>> Revenue()
    {
        if (Values.Revenue is not { } revenue)
        {
            yield break;
        }
        yield return Money((double)revenue.TodayRub, "rub", "today");
        yield return Money((double)revenue.MonthRub, "rub", "month");
        yield return Money(revenue.TodayStars, "stars", "today");
        yield return Money(revenue.MonthStars, "stars", "month");
    }

    private static Measurement<double> Money(double value, string currency, string period) =>
        new(value, new KeyValuePair<string, object?>("currency", currency), new KeyValuePair<string, object?>("period", period));

    private static Measurement<long> Measure(long value, params (string Key, string Value)[] tags) =>
        new(value, tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)));
}

using System.Diagnostics.Metrics;

namespace AnomalyConnect.Contracts.Admin;

/// <summary>
/// The product's one <see cref="Meter"/>, <c>AnomalyConnect</c>, and the instruments every part records into.
/// <c>GET /metrics</c> exports every instrument of this meter, whoever created it, in the Prometheus text format.
/// </summary>
/// <remarks>
/// <para>Adding a metric: create the instrument once (a static field) on <see cref="Meter"/>, named
/// <c>anomaly.&lt;area&gt;.&lt;thing&gt;</c> in lowercase with dots, with a UCUM unit (<c>s</c> for durations in
/// seconds, <c>By</c> for bytes, or a <c>{annotation}</c> such as <c>{payment}</c>) and lowercase snake_case tag names
/// with few distinct values (never user ids, tokens or amounts as tags). The exporter turns dots into underscores,
/// appends <c>_seconds</c> / <c>_bytes</c> for those units and <c>_total</c> for counters: a counter
/// <c>anomaly.payments.succeeded</c> with tag <c>provider</c> becomes <c>anomaly_payments_succeeded_total{provider="yookassa"}</c>.</para>
/// <para>Names the payments, corporate and bot areas are expected to use (create them on <see cref="Meter"/> where the
/// event happens): <c>anomaly.payments.created</c>, <c>anomaly.payments.succeeded</c>, <c>anomaly.payments.canceled</c>,
/// <c>anomaly.payments.refunded</c> (counters, tag <c>provider</c>); <c>anomaly.corporate.events</c> (counter, tags
/// <c>type</c>, <c>result</c>); <c>anomaly.bot.updates</c> (counter, tag <c>kind</c>); <c>anomaly.bot.messages.sent</c>
/// (counter, tag <c>result</c>).</para>
/// <para>Exported by the front end from the database at scrape time (observable, see the Metrics folder of the API):
/// <c>anomaly_users{status}</c>, <c>anomaly_users_online</c>, <c>anomaly_nodes{health}</c>, <c>anomaly_node_up{node}</c>,
/// <c>anomaly_node_users{node}</c>, <c>anomaly_node_load{node}</c>, <c>anomaly_node_traffic_bytes_total{node,direction}</c>,
/// <c>anomaly_traffic_today_bytes</c>, <c>anomaly_outbox_pending</c>, <c>anomaly_outbox_dead</c>,
/// <c>anomaly_timers_overdue</c>, <c>anomaly_payments{status}</c>, <c>anomaly_revenue{currency,period}</c>.</para>
/// </remarks>
public static class AnomalyMetrics
{
    public const string MeterName = "AnomalyConnect";

    public const string HttpRequestDurationName = "anomaly.http.server.duration";
    public const string WebhookRequestsName = "anomaly.webhook.requests";
    public const string NodePollDurationName = "anomaly.node.poll.duration";
    public const string NodePollErrorsName = "anomaly.node.poll.errors";
    public const string TimerLagName = "anomaly.timer.lag";
    public const string BulkItemsName = "anomaly.bulk.items";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Front-end requests: tags <c>method</c>, <c>route</c> (the route template, <c>unmatched</c> otherwise), <c>status</c>.</summary>
    public static readonly Histogram<double> HttpRequestDuration = Meter.CreateHistogram<double>(
        HttpRequestDurationName, "s", "Time to answer an HTTP request of the front end.");

    /// <summary>Requests to <c>/webhooks/*</c>: tags <c>webhook</c> (e.g. <c>yookassa</c>), <c>result</c>
    /// (ok, invalid, unauthorized, not_found, rejected, error) and <c>status</c>.</summary>
    public static readonly Counter<long> WebhookRequests = Meter.CreateCounter<long>(
        WebhookRequestsName, "{request}", "Webhook requests by result.");

    /// <summary>One probe of a node (health, uptime, counters): tags <c>node</c>, <c>result</c> (ok, error).</summary>
    public static readonly Histogram<double> NodePollDuration = Meter.CreateHistogram<double>(
        NodePollDurationName, "s", "Time to probe a node for health and traffic counters.");

    /// <summary>Probes that got no usable answer: tag <c>node</c>.</summary>
    public static readonly Counter<long> NodePollErrors = Meter.CreateCounter<long>(
        NodePollErrorsName, "{probe}", "Node probes that failed.");

    /// <summary>How late a grain timer fired after its due time: tag <c>grain_type</c>.</summary>
    public static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>(
        TimerLagName, "s", "Delay between a grain timer's due time and its firing.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300] });

    /// <summary>Users a bulk action reached: tags <c>action</c>, <c>outcome</c> (changed, unchanged, skipped, failed).</summary>
    public static readonly Counter<long> BulkItems = Meter.CreateCounter<long>(
        BulkItemsName, "{user}", "Users processed by bulk actions.");
}

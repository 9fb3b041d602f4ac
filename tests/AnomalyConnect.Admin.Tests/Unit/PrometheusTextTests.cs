using System.Diagnostics.Metrics;
using AnomalyConnect.Admin.Tests.Support;
using AnomalyConnect.Api.Metrics;
using AnomalyConnect.Contracts.Admin;

namespace AnomalyConnect.Admin.Tests.Unit;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("anomaly.node.poll.duration", "s", MetricKind.Histogram, "anomaly_node_poll_duration_seconds")]
    [InlineData("anomaly.node.traffic", "By", MetricKind.Counter, "anomaly_node_traffic_bytes_total")]
    [InlineData("anomaly.webhook.requests", "{request}", MetricKind.Counter, "anomaly_webhook_requests_total")]
    [InlineData("anomaly.users", "{user}", MetricKind.Gauge, "anomaly_users")]
    [InlineData("anomaly.payments-succeeded", null, MetricKind.Counter, "anomaly_payments_succeeded_total")]
    public void MetricName_WhenGivenAnInstrument_FollowsPrometheusConventions(string name, string? unit, MetricKind kind, string expected) =>
        Assert.Equal(expected, PrometheusText.MetricName(name, unit, kind));

    [Fact]
    public void Write_WhenLabelsHoldQuotesBackslashesAndNewlines_EscapesThemSoTheTextParses()
    {
        var text = PrometheusText.Write([new MetricFamily("odd_total", "Help with a \\ backslash\nand a line", MetricKind.Counter,
            [new MetricSeries([new("route", "/a\"b\\c\nd")], 3)])]);

        var sample = Assert.Single(PrometheusParser.Parse(text));
        Assert.Equal("/a\"b\\c\nd", sample.Labels["route"]);
        Assert.Equal(3, sample.Value);
    }

    [Fact]
    public void Collect_WhenInstrumentsOfTheMeterRecord_ExportsCountersGaugesAndCumulativeHistograms()
    {
        using var collector = new MetricsCollector();
        using var meter = new Meter(AnomalyMetrics.MeterName);
        var counter = meter.CreateCounter<long>("anomaly.test.events", "{event}", "Test events.");
        var histogram = meter.CreateHistogram<double>("anomaly.test.duration", "s", "Test durations.");
        var observed = 7L;
        meter.CreateObservableGauge("anomaly.test.level", () => new Measurement<long>(observed, new KeyValuePair<string, object?>("kind", "a")));
        counter.Add(2, new KeyValuePair<string, object?>("result", "ok"));
        counter.Add(3, new KeyValuePair<string, object?>("result", "ok"));
        counter.Add(1, new KeyValuePair<string, object?>("result", "error"));
        histogram.Record(0.003);
        histogram.Record(0.2);
        histogram.Record(42);

        var samples = PrometheusParser.Parse(PrometheusText.Write(collector.Collect()));
        observed = 9;
        var again = PrometheusParser.Parse(PrometheusText.Write(collector.Collect()));

        Assert.Equal(5, samples.Sum("anomaly_test_events_total", ("result", "ok")));
        Assert.Equal(1, samples.Sum("anomaly_test_events_total", ("result", "error")));
        Assert.Equal(1, samples.Sum("anomaly_test_duration_seconds_bucket", ("le", "0.005")));
        Assert.Equal(2, samples.Sum("anomaly_test_duration_seconds_bucket", ("le", "0.25")));
        Assert.Equal(3, samples.Sum("anomaly_test_duration_seconds_bucket", ("le", "+Inf")));
        Assert.Equal(3, samples.Sum("anomaly_test_duration_seconds_count"));
        Assert.Equal(42.203, samples.Sum("anomaly_test_duration_seconds_sum"), 6);
        Assert.Equal(7, samples.Sum("anomaly_test_level", ("kind", "a")));
        Assert.Equal(9, again.Sum("anomaly_test_level", ("kind", "a")));
    }

    [Fact]
    public void Collect_WhenAMeterOfAnotherNameRecords_LeavesItOut()
    {
        using var collector = new MetricsCollector();
        using var meter = new Meter("SomethingElse");
        meter.CreateCounter<long>("other.events").Add(1);

        Assert.DoesNotContain("other_events", PrometheusText.Write(collector.Collect()), StringComparison.Ordinal);
    }
}

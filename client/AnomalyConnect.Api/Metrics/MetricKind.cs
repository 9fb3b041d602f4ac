namespace AnomalyConnect.Api.Metrics;

/// <summary>The Prometheus type a metric is written as.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}

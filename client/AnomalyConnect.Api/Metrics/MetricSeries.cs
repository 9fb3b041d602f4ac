namespace AnomalyConnect.Api.Metrics;

/// <summary>One labelled series: a value, or for a histogram its buckets.</summary>
public sealed record MetricSeries(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramValue? Histogram = null);

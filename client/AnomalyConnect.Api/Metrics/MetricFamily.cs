namespace AnomalyConnect.Api.Metrics;

/// <summary>One metric as Prometheus sees it: a name (already in Prometheus form), help, type and its series.</summary>
public sealed record MetricFamily(string Name, string Help, MetricKind Kind, IReadOnlyList<MetricSeries> Series);

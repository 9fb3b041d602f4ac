namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// A histogram's state: <see cref="Counts"/> per bucket (not cumulative), one per bound and a last one above every
/// bound; <see cref="Sum"/> of all observations and their <see cref="Count"/>.
/// </summary>
public sealed record HistogramValue(IReadOnlyList<double> Bounds, IReadOnlyList<long> Counts, double Sum, long Count);

using System.Diagnostics.Metrics;
using System.Globalization;

namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// What one instrument has measured, per tag set: a running sum (counters, up-down counters), the last value
/// (gauges and every observable instrument, which report totals themselves) or histogram buckets.
/// </summary>
internal sealed class InstrumentAggregate
{
    private static readonly double[] DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly object gate = new();
    private readonly Dictionary<string, Series> series = new(StringComparer.Ordinal);
    private readonly bool sums;
    private readonly double[] bounds;

    public InstrumentAggregate(Instrument instrument)
    {
        Instrument = instrument;
        var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
        Kind = definition == typeof(Histogram<>) ? MetricKind.Histogram
            : definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) ? MetricKind.Counter
            : MetricKind.Gauge;
        sums = definition == typeof(Counter<>) || definition == typeof(UpDownCounter<>);
        bounds = AdvisedBounds(instrument) ?? DefaultBounds;
        Name = PrometheusText.MetricName(instrument.Name, instrument.Unit, Kind);
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    public string Name { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u001f', labels.Select(l => l.Key + "=" + l.Value));
        lock (gate)
        {
            if (!series.TryGetValue(key, out var state))
            {
                state = new Series(labels, Kind == MetricKind.Histogram ? new long[bounds.Length + 1] : null);
                series.Add(key, state);
            }
            if (Kind == MetricKind.Histogram)
            {
                var bucket = Array.FindIndex(bounds, bound => value <= bound);
                state.Buckets![bucket < 0 ? bounds.Length : bucket]++;
                state.Value += value;
                state.Count++;
            }
            else if (sums)
            {
                state.Value += value;
            }
            else
            {
                state.Value = value;
            }
        }
    }

    /// <summary>Observable instruments report every series afresh at each collection; a series they stop reporting disappears.</summary>
    public void BeginObservation()
    {
        if (Instrument.IsObservable)
        {
            lock (gate)
            {
                series.Clear();
            }
        }
    }

    public MetricFamily Snapshot()
    {
        lock (gate)
        {
            return new MetricFamily(Name, Instrument.Description ?? Instrument.Name, Kind, [.. series.Values.Select(s => new MetricSeries(
                s.Labels,
                s.Value,
                s.Buckets is null ? null : new HistogramValue(bounds, [.. s.Buckets], s.Value, s.Count)))]);
        }
    }

    private static List<KeyValuePair<string, string>> Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            labels.Add(new(PrometheusText.LabelName(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        }
        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static double[]? AdvisedBounds(Instrument instrument) => instrument switch
    {
        Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
        Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        _ => null,
    };

    private sealed class Series(IReadOnlyList<KeyValuePair<string, string>> labels, long[]? buckets)
    {
        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

        public long[]? Buckets { get; } = buckets;

        public double Value { get; set; }

        public long Count { get; set; }
    }
}

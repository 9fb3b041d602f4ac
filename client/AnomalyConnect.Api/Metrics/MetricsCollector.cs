using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AnomalyConnect.Contracts.Admin;

namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// Listens (with a <see cref="MeterListener"/>) to every instrument of the <c>AnomalyConnect</c> meter, whoever
/// created it, from the moment it is constructed, and keeps the aggregates /metrics writes out.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> aggregates = new();
    private readonly Lock collecting = new();

    public MetricsCollector()
    {
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == AnomalyMetrics.MeterName)
            {
                var aggregate = aggregates.GetOrAdd(instrument, i => new InstrumentAggregate(i));
                meterListener.EnableMeasurementEvents(instrument, aggregate);
            }
        };
        listener.MeasurementsCompleted = (instrument, state) => aggregates.TryRemove(instrument, out _);
        listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<float>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        listener.Start();
    }

    /// <summary>Reads the observable instruments now and returns every metric, merged by Prometheus name.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (collecting)
        {
            foreach (var aggregate in aggregates.Values)
            {
                aggregate.BeginObservation();
            }
            listener.RecordObservableInstruments();
            return [.. aggregates.Values
                .Select(a => a.Snapshot())
                .GroupBy(f => f.Name, StringComparer.Ordinal)
                .Select(Merge)
                .OrderBy(f => f.Name, StringComparer.Ordinal)];
        }
    }

    public void Dispose() => listener.Dispose();

    /// <summary>Two instruments with one name (e.g. a meter created twice) become one family; the first type wins.</summary>
    private static MetricFamily Merge(IGrouping<string, MetricFamily> families)
    {
        var first = families.First();
        var series = families.Where(f => f.Kind == first.Kind)
            .SelectMany(f => f.Series)
            .GroupBy(s => string.Join('\u001f', s.Labels.Select(l => l.Key + "=" + l.Value)), StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        return first with { Series = series };
    }
}

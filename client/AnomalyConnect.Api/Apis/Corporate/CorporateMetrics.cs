using System.Diagnostics.Metrics;
using AnomalyConnect.Contracts.Admin;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>The corporate area's instruments on the product's meter (exported at /metrics).</summary>
internal static class CorporateMetrics
{
    /// <summary>Signed, well-formed HR events by <c>type</c> (employee.hired, …) and <c>result</c> (applied, duplicate, stale, invalid).</summary>
    public static readonly Counter<long> Events = AnomalyMetrics.Meter.CreateCounter<long>(
        "anomaly.corporate.events", "{event}", "HR events received, by type and result.");

    public static void RecordEvent(string type, string result) =>
        Events.Add(1, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("result", result));
}

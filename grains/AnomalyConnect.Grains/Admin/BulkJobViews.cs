using System.Globalization;
using System.Text.Json;
using AnomalyConnect.Contracts.Admin;

namespace AnomalyConnect.Grains.Admin;

internal static class BulkJobViews
{
    public static BulkJobView Of(string jobId, BulkJobState state) => new(
        jobId,
        state.CompletedAt is null ? BulkJobStatus.Running : BulkJobStatus.Completed,
        state.Filter,
        state.Action,
        state.CreatedBy,
        state.CreatedAt,
        state.CompletedAt,
        state.Matched,
        state.Enqueued,
        state.Processed,
        state.Changed,
        state.Unchanged,
        state.Skipped,
        state.Failed);

    /// <summary>"extend 30 days", "disable", "reset_traffic": for audit details.</summary>
    public static string Describe(BulkAction action)
    {
        var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(action.Kind.ToString());
        return action.Days is { } days ? $"{name} {days.ToString(CultureInfo.InvariantCulture)} days" : name;
    }

    public static IReadOnlyDictionary<string, string?> Counts(BulkJobState state) => new Dictionary<string, string?>
    {
        ["processed"] = state.Processed.ToString(CultureInfo.InvariantCulture),
        ["changed"] = state.Changed.ToString(CultureInfo.InvariantCulture),
        ["unchanged"] = state.Unchanged.ToString(CultureInfo.InvariantCulture),
        ["skipped"] = state.Skipped.ToString(CultureInfo.InvariantCulture),
        ["failed"] = state.Failed.ToString(CultureInfo.InvariantCulture),
    };
}

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>The names a figure is chosen by on the command line, in the order they run.</summary>
public static class FigureNames
{
    public const string Grants = "grants";
    public const string ScaleOut = "scale-out";
    public const string Accounting = "accounting";
    public const string Resync = "resync";
    public const string Subscription = "subscription";
    public const string PollCpu = "poll-cpu";
    public const string Expiry = "expiry";
    public const string Memory = "memory";

    public static readonly string[] All = [Grants, ScaleOut, Accounting, Resync, Subscription, PollCpu, Expiry, Memory];
}

namespace AnomalyConnect.Benchmarks.Infrastructure;

/// <summary>One measured figure: what was measured, the target, whether it was met, and the conditions.</summary>
public sealed record FigureResult(string Name, string Measured, string Target, bool? Met, LoadWindow? Window, IReadOnlyList<string> Details)
{
    public string Verdict => Met switch
    {
        true => "MET",
        false => "MISSED",
        null => "NOT MEASURED",
    };
}

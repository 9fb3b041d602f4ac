using System.Globalization;
using System.Text;

namespace AnomalyConnect.Benchmarks.Infrastructure;

/// <summary>Prints each figure as it is taken and a summary at the end; also writes them to a Markdown file.</summary>
public sealed class Report(string path)
{
    private readonly List<FigureResult> results = [];
    private readonly StringBuilder markdown = new();

    public IReadOnlyList<FigureResult> Results => results;

    public void Header()
    {
        var started = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        Line($"# Anomaly Connect benchmarks, {started}");
        Line($"machine: {Machine.Describe()}");
        Line($"load average at start: {Machine.LoadAverage}");
        Line("");
    }

    public static void Progress(string text) =>
        Console.WriteLine($"  [{DateTime.UtcNow:HH:mm:ss}] {text}");

    public void Add(FigureResult result)
    {
        results.Add(result);
        Line($"## {result.Name}: {result.Verdict}");
        Line($"- measured: {result.Measured}");
        Line($"- target: {result.Target}");
        if (result.Window is { } window)
        {
            Line($"- conditions: {window.Describe()}");
        }
        foreach (var detail in result.Details)
        {
            Line($"- {detail}");
        }
        Line("");
        Flush();
    }

    public void Summary()
    {
        Line("## Summary");
        Line("| figure | measured | target | verdict |");
        Line("| --- | --- | --- | --- |");
        foreach (var result in results)
        {
            Line($"| {result.Name} | {result.Measured} | {result.Target} | {result.Verdict} |");
        }
        Line($"load average at end: {Machine.LoadAverage}");
        Flush();
        Console.WriteLine($"(written to {path})");
    }

    private void Line(string text)
    {
        Console.WriteLine(text);
        markdown.AppendLine(text);
    }

    private void Flush() => File.WriteAllText(path, markdown.ToString());
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AnomalyConnect.Benchmarks.Wrk;

/// <summary>Runs /usr/bin/wrk with tokens.lua (bounded by its duration) and reads the line the script prints at the end.</summary>
public static partial class WrkRunner
{
    public const string Executable = "/usr/bin/wrk";

    public static async Task<WrkResult> RunAsync(Uri baseAddress, string prefix, string tokensFile, int threads, int connections, TimeSpan duration)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Wrk", "tokens.lua");
        var startInfo = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "10s", "--latency", "-s", script,
            baseAddress.ToString().TrimEnd('/'), "--", prefix, tokensFile,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(duration + TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(bound.Token);
        var text = await output + await errors;
        var match = ResultLine().Match(text);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no result line:\n{text}");
        }
        long Value(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new WrkResult(
            Value("requests"), TimeSpan.FromMicroseconds(Value("duration")),
            Value("non2xx"), Value("connect") + Value("read") + Value("write") + Value("timeout"),
            Value("p50") / 1000.0, Value("p90") / 1000.0, Value("p99") / 1000.0, Value("max") / 1000.0);
    }

    [GeneratedRegex(@"BENCH requests=(?<requests>\d+) duration_us=(?<duration>\d+) non2xx=(?<non2xx>\d+) connect=(?<connect>\d+) read=(?<read>\d+) write=(?<write>\d+) timeout=(?<timeout>\d+) p50_us=(?<p50>\d+) p90_us=(?<p90>\d+) p99_us=(?<p99>\d+) max_us=(?<max>\d+)")]
    private static partial Regex ResultLine();
}

/// <summary>What one wrk run measured.</summary>
public sealed record WrkResult(long Requests, TimeSpan Duration, long Non2xx, long SocketErrors, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public string Describe() =>
        $"{RequestsPerSecond:0} req/s ({Requests} in {Duration.TotalSeconds:0.0} s), latency p50 {P50Ms:0.0} ms, p90 {P90Ms:0.0} ms, p99 {P99Ms:0.0} ms, max {MaxMs:0} ms, "
        + $"non-2xx {Non2xx}, socket errors {SocketErrors}";
}

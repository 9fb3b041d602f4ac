using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Benchmarks.World;

/// <summary>
/// Grants access the way an operator's system does: POST /admin/api/users {days: 30}, many at once, spread over the
/// given silos; then waits until the outbox is empty, i.e. every new user was pushed to its node.
/// </summary>
public static class GrantLoad
{
    public static async Task<GrantRun> RunAsync(BenchWorld world, IReadOnlyList<Uri> silos, int grants, int concurrency)
    {
        var clients = silos.Select(silo => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
        {
            BaseAddress = silo,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", SiloProcess.AdminToken) },
        }).ToArray();
        var latencies = new double[grants];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < grants)
            {
                var started = clock.Elapsed;
                using var response = await clients[index % clients.Length].PostAsJsonAsync("/admin/api/users", new { days = 30 });
                latencies[index] = (clock.Elapsed - started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var apiDone = clock.Elapsed;
        Report.Progress($"{grants} grants answered in {apiDone.TotalSeconds:0.0} s; waiting for the outbox to drain");
        var drained = await world.WaitForEmptyOutboxAsync(TimeSpan.FromMinutes(10));
        var allPushed = clock.Elapsed;
        foreach (var client in clients)
        {
            client.Dispose();
        }
        Array.Sort(latencies);
        return new GrantRun(grants, failures, apiDone, allPushed, drained,
            latencies[(int)(grants * 0.5)], latencies[Math.Min(grants - 1, (int)(grants * 0.99))]);
    }
}

/// <summary>One grant run: API answers, then every push delivered.</summary>
public sealed record GrantRun(int Grants, int Failures, TimeSpan ApiElapsed, TimeSpan PushedElapsed, bool Drained, double P50Ms, double P99Ms)
{
    public double ApiRate => Grants / ApiElapsed.TotalSeconds;

    /// <summary>Grants per second counted until the last one was on its node.</summary>
    public double SustainedRate => Grants / PushedElapsed.TotalSeconds;

    public string Describe() =>
        $"{Grants} grants ({Failures} failed): API answered all in {ApiElapsed.TotalSeconds:0.0} s ({ApiRate:0}/s, p50 {P50Ms:0} ms, p99 {P99Ms:0} ms); "
        + $"all pushed (outbox empty{(Drained ? "" : " — NOT reached within 10 min")}) after {PushedElapsed.TotalSeconds:0.0} s → {SustainedRate:0} grants/s";
}

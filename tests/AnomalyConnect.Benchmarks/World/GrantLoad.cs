using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Benchmarks.World;

/// <summary>
/// Grants access the way an operator's system does: POST /admin/api/users {days: 30}, many at once, spread over the
/// given silos; then waits until the outbox is empty, i.e. every new user was pushed to its node.
/// </summary>
public static class GrantLoad
{
    public static async Task<GrantRun> RunAsync(BenchWorld world, IReadOnlyList<Uri> silos, int grants, int concurrency, string[]? createdIds = null)
    {
        var clients = silos.Select(silo => ClientOf(silo, concurrency)).ToArray();
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
                else if (createdIds is not null)
                {
                    createdIds[index] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user_id").GetString()!;
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

    /// <summary>
    /// Brings a silo to the state of one that has been running: <paramref name="grants"/> grants through it, then
    /// every user they made deleted through it (each removal pushed to the node), then an empty outbox. The nodes hold
    /// the users they held before, so the figures that follow keep their sizes.
    /// </summary>
    public static async Task<GrantRun> WarmUpAsync(BenchWorld world, Uri silo, int grants, int concurrency)
    {
        var created = new string[grants];
        var run = await RunAsync(world, [silo], grants, concurrency, created);
        await DeleteAsync(world, silo, created, concurrency);
        Report.Progress($"{grants} users of the warm-up deleted again");
        world.WarmedUp.Add(silo);
        return run;
    }

    /// <summary>Deletes the users <see cref="RunAsync"/> made through <paramref name="silo"/>, each removal pushed to its node, then waits for an empty outbox.</summary>
    public static async Task DeleteAsync(BenchWorld world, Uri silo, IReadOnlyList<string?> created, int concurrency)
    {
        using var client = ClientOf(silo, concurrency);
        var failures = 0;
        await Parallel.ForEachAsync(created.OfType<string>(), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) =>
        {
            using var response = await client.DeleteAsync($"/admin/api/users/{Uri.EscapeDataString(id)}");
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        if (failures > 0 || !await world.WaitForEmptyOutboxAsync(TimeSpan.FromMinutes(10)))
        {
            throw new InvalidOperationException($"Deleting users through {silo}: {failures} of {created.Count} deletes failed or the outbox did not drain.");
        }
    }

    private static HttpClient ClientOf(Uri silo, int concurrency) => new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
    {
        BaseAddress = silo,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", SiloProcess.AdminToken) },
    };
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

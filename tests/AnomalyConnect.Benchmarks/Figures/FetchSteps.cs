using System.Diagnostics;
using AnomalyConnect.Api.Apis.Subscriptions;
using AnomalyConnect.Benchmarks.World;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Subscriptions;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// What a subscription fetch computes besides HTTP and the in-memory user lookup, step by step, on one thread in this
/// process with the real code and one seeded user and node list (not under wrk): choosing the format, the proxies,
/// rendering, headers. Each step runs warm (tiered compilation done) and reports its mean time and the bytes it
/// allocates per call.
/// </summary>
public static class FetchSteps
{
    private const int Iterations = 20_000;

    /// <summary>Long enough for tiered compilation to replace a step's first code with its optimized code.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1.5);

    public static async Task<IReadOnlyList<string>> MeasureAsync(BenchWorld world, IReadOnlyList<string> tokens)
    {
        var grains = world.InProcess;
        var nodes = await grains.Get<INodeDirectory>().ListAsync(CancellationToken.None);
        var userId = (await grains.Get<IUserDirectory>().FindBySubscriptionTokenAsync(tokens[0], CancellationToken.None))!;
        var user = (await grains.Grains.GetGrain<IUserGrain>(userId).GetAsync())!;

        var choose = Measure(() => UserAgentRules.Default.Choose(null, "v2rayNG/1.8.5"));
        var proxies = Measure(() => SubscriptionProxies.For(user, nodes));
        var document = new SubscriptionDocument
        {
            ProfileTitle = "Anomaly Connect",
            Proxies = SubscriptionProxies.For(user, nodes),
            Usage = new SubscriptionUsage(user.UsedUploadBytes, user.UsedDownloadBytes, user.TrafficLimitBytes ?? 0, user.ExpiresAt),
            SubscriptionUrl = "http://127.0.0.1/sub/x",
            UpdateIntervalHours = 12,
        };
        var render = Measure(() => SubscriptionRenderer.Render(document, SubscriptionFormat.Base64));
        var headers = Measure(() => SubscriptionHeaders.For(document, SubscriptionFormat.Base64));
        return
        [
            $"one fetch's own computing step by step (one thread, warm, {Iterations} times, mean time and bytes allocated per call): "
            + $"format choice {choose}, proxies for {nodes.Count} nodes {proxies}, base64 render of {document.Proxies.Count} links {render}, headers {headers}",
        ];
    }

    private static Step Measure(Func<object> step)
    {
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < WarmUp)
        {
            for (var i = 0; i < 1_000; i++)
            {
                step();
            }
        }
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            step();
        }
        var elapsed = clock.Elapsed;
        return new Step(elapsed.TotalMicroseconds / Iterations, (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Iterations);
    }

    private readonly record struct Step(double Microseconds, long BytesPerCall)
    {
        public override string ToString() => $"{Microseconds:0.00} µs / {BytesPerCall} B";
    }
}

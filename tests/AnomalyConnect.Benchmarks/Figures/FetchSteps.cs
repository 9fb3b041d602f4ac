using System.Diagnostics;
using AnomalyConnect.Api.Apis.Subscriptions;
using AnomalyConnect.Benchmarks.World;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Users;
using AnomalyConnect.Integrations.Subscriptions;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Where a subscription fetch spends its time, step by step, on one thread in this process with the real code and data
/// (not under wrk): the two reads from PostgreSQL, deserializing the state, choosing proxies, rendering, headers.
/// Each step is repeated and its mean reported in microseconds.
/// </summary>
public static class FetchSteps
{
    private const int Iterations = 5_000;

    public static async Task<IReadOnlyList<string>> MeasureAsync(BenchWorld world, IReadOnlyList<string> tokens)
    {
        var grains = world.InProcess;
        var users = grains.Get<IUserDirectory>();
        var nodes = await grains.Get<INodeDirectory>().ListAsync(CancellationToken.None);
        var sample = tokens.Take(Iterations).ToList();

        var lookup = await TimeAsync(sample, async token => await users.FindBySubscriptionTokenAsync(token, CancellationToken.None));
        var ids = new List<string>();
        foreach (var token in sample.Take(200))
        {
            ids.Add((await users.FindBySubscriptionTokenAsync(token, CancellationToken.None))!);
        }
        var read = await TimeAsync(ids, async id => await grains.Grains.GetGrain<IUserGrain>(id).GetAsync());
        var user = (await grains.Grains.GetGrain<IUserGrain>(ids[0]).GetAsync())!;
        var json = (await world.Db.RowsAsync("SELECT state::text FROM grain_state WHERE grain_type = 'user' AND grain_key = $1", ids[0]))[0][0];

        var deserialize = Time(() => GrainJson.Deserialize<UserState>(json));
        var choose = Time(() => UserAgentRules.Default.Choose(null, "v2rayNG/1.8.5"));
        var proxies = Time(() => SubscriptionProxies.For(user, nodes));
        var document = new SubscriptionDocument
        {
            ProfileTitle = "Anomaly Connect",
            Proxies = SubscriptionProxies.For(user, nodes),
            Usage = new SubscriptionUsage(user.UsedUploadBytes, user.UsedDownloadBytes, user.TrafficLimitBytes ?? 0, user.ExpiresAt),
            SubscriptionUrl = "http://127.0.0.1/sub/x",
            UpdateIntervalHours = 12,
        };
        var render = Time(() => SubscriptionRenderer.Render(document, SubscriptionFormat.Base64));
        var headers = Time(() => SubscriptionHeaders.For(document, SubscriptionFormat.Base64));
        return
        [
            $"one fetch step by step (one thread, {Iterations} times, means): token lookup in grain_index {lookup:0} µs, user read (state + usage) {read:0} µs, "
            + $"state JSON → UserState {deserialize:0.0} µs, format choice {choose:0.0} µs, proxies for {nodes.Count} nodes {proxies:0.0} µs, "
            + $"base64 render {render:0.0} µs, headers {headers:0.0} µs",
        ];
    }

    private static double Time(Func<object> step)
    {
        for (var i = 0; i < 500; i++)
        {
            step();
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            step();
        }
        return clock.Elapsed.TotalMicroseconds / Iterations;
    }

    private static async Task<double> TimeAsync<T>(IReadOnlyList<T> items, Func<T, Task> step)
    {
        foreach (var item in items.Take(100))
        {
            await step(item);
        }
        var clock = Stopwatch.StartNew();
        foreach (var item in items)
        {
            await step(item);
        }
        return clock.Elapsed.TotalMicroseconds / items.Count;
    }
}

using System.Text;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.Wrk;
using AnomalyConnect.Benchmarks.World;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// Figure 1: GET /sub/{token} on silo-1 with every user in the database, a random token per request (wrk + Lua), beside
/// the constant-body Kestrel process under the same wrk settings. A few seeded users are first checked through the API.
/// </summary>
public static class SubscriptionFigure
{
    public const string Name = "1 subscription fetch";
    private const double TargetRatio = 0.5;
    private const double TargetP99Ms = 20;

    public static async Task RunAsync(Bench bench)
    {
        var world = bench.World;
        world.Rss.Phase = "subscription";
        var tokensFile = Path.Combine(Path.GetTempPath(), $"ac-bench-tokens-{Environment.ProcessId}.txt");
        var tokens = await world.Db.RowsAsync("SELECT index_value FROM grain_index WHERE grain_type = 'user' AND index_name = 'subscription-token'");
        await File.WriteAllLinesAsync(tokensFile, tokens.Select(t => t[0]));
        try
        {
            var (checks, bodyBytes) = await CheckSeededUsersAsync(bench);
            var s = bench.Settings;
            var (ceiling, ceilingWindow) = await MeasureCeilingAsync(bench, tokensFile, bodyBytes);

            Report.Progress($"{Name}: same against GET /sub/{{token}} of silo-1 ({tokens.Count} tokens), node polling paused");
            await NodeTicks.PauseAsync(world);
            WrkResult fetch;
            LoadWindow window;
            List<string> isolatedStatements;
            try
            {
                await WrkRunner.RunAsync(world.Silo.BaseAddress, "/sub/", tokensFile, s.WrkThreads, s.WrkConnections, TimeSpan.FromSeconds(5));
                await world.Db.ResetStatementsAsync();
                window = world.StartWindow();
                fetch = await WrkRunner.RunAsync(world.Silo.BaseAddress, "/sub/", tokensFile, s.WrkThreads, s.WrkConnections, s.WrkDuration);
                window.Stop();
                isolatedStatements = [.. await world.Db.TopStatementsAsync()];
            }
            finally
            {
                await NodeTicks.ResumeAsync(world);
            }

            Report.Progress($"{Name}: again while every node is polled every 15 s");
            await Task.Delay(TimeSpan.FromSeconds(5));
            await world.Db.ResetStatementsAsync();
            var pollingWindow = world.StartWindow();
            var underPolling = await WrkRunner.RunAsync(world.Silo.BaseAddress, "/sub/", tokensFile, s.WrkThreads, s.WrkConnections, s.WrkDuration);
            pollingWindow.Stop();

            var ratio = fetch.RequestsPerSecond / ceiling.RequestsPerSecond;
            var ceilingCpu = ceilingWindow.ServerCpuMsPer(ceiling.Requests);
            var fetchCpu = window.ServerCpuMsPer(fetch.Requests);
            var details = new List<string>(checks)
            {
                $"constant endpoint ({bodyBytes} bytes, own process): {ceiling.Describe()}; {ceilingWindow.Describe()}",
                $"GET /sub/{{token}}, node polling paused: {fetch.Describe()}",
            };
            details.Add($"server CPU per request: constant endpoint {ceilingCpu:0.000} ms (its process), GET /sub/{{token}} {fetchCpu:0.000} ms (silo + PostgreSQL) "
                + $"→ on otherwise idle cores the fetch would reach {ceilingCpu / fetchCpu:P0} of the constant endpoint (wrk's own CPU left out of both)");
            details.AddRange(isolatedStatements);
            details.AddRange(await FetchSteps.MeasureAsync(world, [.. tokens.Select(t => t[0])]));
            details.Add($"GET /sub/{{token}} while {bench.Settings.Nodes} nodes × {bench.Settings.UsersPerNode} users are polled: {underPolling.Describe()} "
                + $"= {underPolling.RequestsPerSecond / ceiling.RequestsPerSecond:P0} of the constant endpoint; {pollingWindow.Describe()}");
            details.AddRange((await world.Db.TopStatementsAsync(4)).Select(line => "under polling " + line));
            var met = ratio >= TargetRatio && fetch.P99Ms < TargetP99Ms && fetch.Non2xx == 0 && fetch.SocketErrors == 0;
            bench.Report.Add(new FigureResult(Name,
                $"{fetch.RequestsPerSecond:0} req/s = {ratio:P0} of the constant endpoint's {ceiling.RequestsPerSecond:0} req/s; p99 {fetch.P99Ms:0.0} ms ({tokens.Count} users; "
                + $"{underPolling.RequestsPerSecond:0} req/s, p99 {underPolling.P99Ms:0} ms while polling)",
                $"≥ {TargetRatio:P0} of the constant endpoint, p99 < {TargetP99Ms:0} ms", met, window, details));
        }
        finally
        {
            File.Delete(tokensFile);
        }
    }

    private static async Task<(WrkResult Result, LoadWindow Window)> MeasureCeilingAsync(Bench bench, string tokensFile, int bodyBytes)
    {
        var s = bench.Settings;
        var baseline = await HostProcess.StartAsync(typeof(BaselineServer).Assembly.Location, new Dictionary<string, string>
        {
            [BaselineServer.ModeVariable] = BaselineServer.Mode,
            [BaselineServer.BodyLengthVariable] = bodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            Report.Progress($"{Name}: wrk -t{s.WrkThreads} -c{s.WrkConnections}, 5 s warm-up then {s.WrkDuration.TotalSeconds:0} s, against the constant endpoint");
            await WrkRunner.RunAsync(baseline.BaseAddress, "/const/", tokensFile, s.WrkThreads, s.WrkConnections, TimeSpan.FromSeconds(5));
            var window = new LoadWindow(() => [baseline.Id], () => bench.World.Postgres.Port);
            var ceiling = await WrkRunner.RunAsync(baseline.BaseAddress, "/const/", tokensFile, s.WrkThreads, s.WrkConnections, s.WrkDuration);
            return (ceiling, window.Stop());
        }
        finally
        {
            await baseline.DisposeAsync();
        }
    }

    /// <summary>Three seeded users read back through the admin API and their subscriptions; returns the lines and a body's length.</summary>
    private static async Task<(List<string> Lines, int BodyBytes)> CheckSeededUsersAsync(Bench bench)
    {
        var world = bench.World;
        var rows = await world.Db.RowsAsync(
            """
            SELECT g.grain_key, g.state->>'subscription_token', g.state->>'vless_uuid', p.node_id FROM grain_state g
            JOIN user_placements p ON p.user_id = g.grain_key WHERE g.grain_type = 'user' AND p.node_id <> 'node-1' AND p.active
            ORDER BY random() LIMIT 3
            """);
        var lines = new List<string>();
        var bodyBytes = 2048;
        foreach (var row in rows)
        {
            var user = await world.Admin.GetAsync($"/admin/api/users/{row[0]}");
            var body = await world.Admin.Http.GetByteArrayAsync($"/sub/{row[1]}");
            bodyBytes = body.Length;
            var links = Encoding.UTF8.GetString(Convert.FromBase64String(Encoding.ASCII.GetString(body)));
            var ok = user["status"]?.GetValue<string>() == "active"
                && user["nodes"]!.AsArray().Any(n => n!["node_id"]!.GetValue<string>() == row[3])
                && links.Contains($"vless://{row[2]}@", StringComparison.Ordinal);
            lines.Add($"seeded user {row[0]} through the API: {(ok ? "active, on " + row[3] + ", its subscription holds its VLESS link" : "NOT as seeded")} ({body.Length} bytes)");
            if (!ok)
            {
                throw new InvalidOperationException($"Seeded user {row[0]} does not read back as seeded: {user.ToJsonString()} / {links}");
            }
        }
        return (lines, bodyBytes);
    }
}

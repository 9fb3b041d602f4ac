using AnomalyConnect.Benchmarks.Figures;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

// The figures of docs/benchmarks.md. Usage: run.sh [figure…] where a figure is one of FigureNames (default: all).
if (Environment.GetEnvironmentVariable(BaselineServer.ModeVariable) == BaselineServer.Mode)
{
    return await BaselineServer.RunAsync(args);
}

var chosen = args.Length == 0 ? FigureNames.All : [.. args.Select(a => a.ToLowerInvariant())];
if (chosen.Except(FigureNames.All).ToList() is { Count: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown figure(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", FigureNames.All)}.");
    return 2;
}
bool Wants(params string[] names) => names.Any(chosen.Contains);

var resultsPath = Environment.GetEnvironmentVariable("BENCH_RESULTS") ?? Path.Combine(Path.GetTempPath(), $"anomaly-benchmarks-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
var report = new Report(resultsPath);
var settings = new BenchSettings();
report.Header();
Console.WriteLine($"figures: {string.Join(", ", chosen)}; sizes: {settings.Describe()}");
Console.WriteLine();

await using var world = await BenchWorld.StartAsync();
var bench = new Bench(world, settings, report);
await world.RegisterRealNodeAsync();
if (Wants(FigureNames.Grants))
{
    await GrantsFigure.RunAsync(bench);
}
await Population.EnsureRealNodeUsersAsync(bench);
if (Wants(FigureNames.ScaleOut))
{
    await ScaleOutFigure.RunAsync(bench);
}
if (Wants(FigureNames.Accounting))
{
    await AccountingFigure.RunAsync(bench);
}
if (Wants(FigureNames.Resync))
{
    await ResyncFigure.RunAsync(bench);
}
if (Wants(FigureNames.Subscription, FigureNames.PollCpu, FigureNames.Memory))
{
    await Population.EnsureAllUsersAsync(bench);
    world.Rss.Mark();
    if (Wants(FigureNames.Subscription, FigureNames.Memory))
    {
        await SubscriptionFigure.RunAsync(bench);
    }
    if (Wants(FigureNames.PollCpu, FigureNames.Memory))
    {
        await PollCpuFigure.RunAsync(bench);
    }
}
if (Wants(FigureNames.Expiry))
{
    await ExpiryFigure.RunAsync(bench);
}
if (Wants(FigureNames.Memory))
{
    MemoryFigure.Run(bench);
}
report.Summary();
return report.Results.All(r => r.Met == true) ? 0 : 1;

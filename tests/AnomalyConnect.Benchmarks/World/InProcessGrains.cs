using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains;
using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Integrations.Xray;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Benchmarks.World;

/// <summary>
/// The real grain classes in this process, on the benchmark's database, without silo work (no outbox delivery, no
/// timers): for timing one grain call directly. Whatever they send to the outbox is delivered by the silos.
/// </summary>
public sealed class InProcessGrains : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public InProcessGrains(string connectionString)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        collection.AddGrainRuntime(connectionString, new GrainRuntimeOptions { SiloName = "benchmark-in-process" }, runSiloWork: false);
        collection.AddAnomalyGrains(new NodeOptions(), new NodeClientOptions());
        services = collection.BuildServiceProvider();
    }

    public IGrainFactory Grains => services.GetRequiredService<IGrainFactory>();

    public XrayApiClient Xray => services.GetRequiredService<XrayApiClient>();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

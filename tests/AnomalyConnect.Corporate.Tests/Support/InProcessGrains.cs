using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains;
using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Corporate.Tests.Support;

/// <summary>
/// The grain runtime in the test process on the silo's database, without silo work (the silo fires the timers and
/// delivers the outbox): here the test calls what the bot calls, <see cref="ICorporateAccess"/>, at a time it shifts.
/// </summary>
public sealed class InProcessGrains(TestDatabase database) : IAsyncDisposable
{
    private readonly Lazy<ServiceProvider> services = new(() => Build(database));

    public ShiftedClock Clock => services.Value.GetRequiredService<ShiftedClock>();

    public ICorporateAccess Access => services.Value.GetRequiredService<ICorporateAccess>();

    public IGrainFactory Factory => services.Value.GetRequiredService<IGrainFactory>();

    public async ValueTask DisposeAsync()
    {
        if (services.IsValueCreated)
        {
            await services.Value.DisposeAsync();
        }
    }

    private static ServiceProvider Build(TestDatabase database)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton<ShiftedClock>();
        collection.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ShiftedClock>());
        collection.AddGrainRuntime(database.ConnectionString, new GrainRuntimeOptions { SiloName = "corporate-tests" }, runSiloWork: false);
        collection.AddAnomalyGrains(new NodeOptions(), new NodeClientOptions());
        return collection.BuildServiceProvider();
    }
}

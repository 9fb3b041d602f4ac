using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Grains.Tests.Runtime;

/// <summary>The grain runtime in the test process, on a fresh real database, with the probe grain.</summary>
internal sealed class InProcessRuntime : IAsyncDisposable
{
    private InProcessRuntime(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public RecordingNoteHandler Notes => Services.GetRequiredService<RecordingNoteHandler>();

    public static async Task<InProcessRuntime> CreateAsync(TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddGrainRuntime(database.ConnectionString, new GrainRuntimeOptions
        {
            SiloName = "in-process",
            OutboxPollInterval = TimeSpan.FromMilliseconds(50),
            OutboxMaxBackoff = TimeSpan.FromMilliseconds(200),
        }, runSiloWork: false);
        services.AddGrain<IProbeGrain, ProbeGrain>("probe");
        services.AddSingleton<RecordingNoteHandler>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<RecordingNoteHandler>());
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        return new InProcessRuntime(database, provider);
    }

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

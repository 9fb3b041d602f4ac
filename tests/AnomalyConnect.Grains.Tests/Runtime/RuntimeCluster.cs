using AnomalyConnect.Testing;

namespace AnomalyConnect.Grains.Tests.Runtime;

/// <summary>Several real silo processes of the runtime's test host on one fresh database.</summary>
internal sealed class RuntimeCluster : IAsyncDisposable
{
    private readonly List<HostProcess> silos = [];

    private RuntimeCluster(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<RuntimeCluster> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.ExecuteAsync(
            """
            CREATE TABLE test_timer_fires (grain_key text NOT NULL, silo text NOT NULL, fired_at timestamptz NOT NULL DEFAULT clock_timestamp());
            CREATE TABLE test_deliveries (outbox_id bigint NOT NULL, counter text NOT NULL, note text NOT NULL, silo text NOT NULL,
                                          delivered_at timestamptz NOT NULL DEFAULT clock_timestamp());
            """);
        return new RuntimeCluster(database);
    }

    public async Task<HostProcess> StartSiloAsync(string name, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>
        {
            ["DATABASE"] = Database.ConnectionString,
            ["SILO_NAME"] = name,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }
        var silo = await HostProcess.StartAsync(
            BuiltAssemblies.Find("tests/AnomalyConnect.Runtime.TestHost", "AnomalyConnect.Runtime.TestHost"), variables);
        lock (silos)
        {
            silos.Add(silo);
        }
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}

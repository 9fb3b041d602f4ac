using AnomalyConnect.Testing;

namespace AnomalyConnect.Admin.Tests.Support;

/// <summary>A real silo process on a fresh database, with the admin API client.</summary>
internal sealed class AdminSilo : IAsyncDisposable
{
    private AdminSilo(TestDatabase database, HostProcess silo)
    {
        Database = database;
        Silo = silo;
        Admin = new AdminClient(silo.BaseAddress);
    }

    public TestDatabase Database { get; }

    public HostProcess Silo { get; }

    public AdminClient Admin { get; }

    public Uri BaseAddress => Silo.BaseAddress;

    public static async Task<AdminSilo> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var database = await TestDatabase.CreateAsync();
        try
        {
            return new AdminSilo(database, await SiloProcess.StartAsync(database, overrides: environment));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Silo.DisposeAsync();
        await Database.DisposeAsync();
    }
}

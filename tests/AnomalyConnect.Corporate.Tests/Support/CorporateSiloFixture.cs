namespace AnomalyConnect.Corporate.Tests.Support;

/// <summary>One silo shared by a test class (its tests run one after another); each test uses its own ids.</summary>
public abstract class CorporateSiloFixture : IAsyncLifetime
{
    private CorporateSilo? silo;

    public CorporateSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    protected virtual IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>();

    public async Task InitializeAsync() => silo = await CorporateSilo.StartAsync(Environment);

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}

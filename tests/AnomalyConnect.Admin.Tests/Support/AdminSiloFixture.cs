namespace AnomalyConnect.Admin.Tests.Support;

/// <summary>One silo shared by the tests of a class (each test uses its own users and nodes).</summary>
public sealed class AdminSiloFixture : IAsyncLifetime
{
    internal AdminSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await AdminSilo.StartAsync();

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}

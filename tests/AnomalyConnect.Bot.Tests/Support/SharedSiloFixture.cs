namespace AnomalyConnect.Bot.Tests.Support;

/// <summary>
/// One silo for the tests that only need the bot as configured by default; each test talks from chats of its own, so
/// they do not see each other's state.
/// </summary>
public sealed class SharedSiloFixture : IAsyncLifetime
{
    private BotSilo? silo;

    public BotSilo Silo => silo ?? throw new InvalidOperationException("The shared silo did not start.");

    public async Task InitializeAsync() => silo = await BotSilo.StartAsync();

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}

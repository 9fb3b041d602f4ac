using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Grains.Users;
using AnomalyConnect.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AnomalyConnect.Grains.Tests.Users;

public sealed class UserChangeListenerTests
{
    [Fact]
    public async Task StoppedListener_GivesItsConnectionBackToThePoolNoLongerListening()
    {
        await using var database = await TestDatabase.CreateAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 2 }.ConnectionString;
        await using var dataSource = GrainRuntimeServiceCollectionExtensions.BuildDataSource(connectionString);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        var readModel = new SubscriptionReadModel(dataSource, TimeProvider.System);
        var logger = new RecordingLogger();
        using var listener = new UserChangeListener(readModel, dataSource, TimeProvider.System, logger);

        await listener.StartAsync(CancellationToken.None);
        await readModel.FindAsync("no-such-token-but-it-wakes-the-listener", CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(logger.Saw("Listening for user changes")), TimeSpan.FromSeconds(30)));
        await listener.StopAsync(CancellationToken.None);

        // Both pooled connections at once: one of them is the one the listener had.
        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();
        Assert.Equal(0L, await ListeningChannelsAsync(first));
        Assert.Equal(0L, await ListeningChannelsAsync(second));
    }

    private static async Task<long> ListeningChannelsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_listening_channels()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class RecordingLogger : ILogger<UserChangeListener>
    {
        private readonly List<string> messages = [];

        public bool Saw(string text)
        {
            lock (messages)
            {
                return messages.Any(m => m.Contains(text, StringComparison.Ordinal));
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (messages)
            {
                messages.Add(formatter(state, exception));
            }
        }
    }
}

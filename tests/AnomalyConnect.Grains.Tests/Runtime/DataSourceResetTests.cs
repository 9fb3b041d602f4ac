using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;
using Npgsql;

namespace AnomalyConnect.Grains.Tests.Runtime;

public sealed class DataSourceResetTests
{
    [Fact]
    public async Task BuildDataSource_WhenTheStringSaysNothing_DoesNotResetAConnectionGoingBackToThePool()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = GrainRuntimeServiceCollectionExtensions.BuildDataSource(OneConnection(database.ConnectionString));

        await SetProbeAsync(dataSource);

        Assert.Equal("kept", await ReadProbeAsync(dataSource));
    }

    [Fact]
    public async Task BuildDataSource_WhenTheStringAsksForAReset_ResetsAConnectionGoingBackToThePool()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = GrainRuntimeServiceCollectionExtensions.BuildDataSource(
            OneConnection(database.ConnectionString) + ";No Reset On Close=false");

        await SetProbeAsync(dataSource);

        Assert.Equal("", await ReadProbeAsync(dataSource));
    }

    /// <summary>One physical connection, so the second open gets the connection the first one closed.</summary>
    private static string OneConnection(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1, MinPoolSize = 0 }.ConnectionString;

    private static async Task SetProbeAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT set_config('anomaly.probe', 'kept', false)");
        await command.ExecuteScalarAsync();
    }

    private static async Task<string> ReadProbeAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(current_setting('anomaly.probe', true), '')");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

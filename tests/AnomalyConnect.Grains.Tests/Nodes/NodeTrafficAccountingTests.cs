using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Grains.Users;
using AnomalyConnect.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AnomalyConnect.Grains.Tests.Nodes;

/// <summary>The node turn's counting against the node's last-seen counters, on real PostgreSQL.</summary>
public sealed class NodeTrafficAccountingTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ApplyAsync_WhenTheSameCountersComeAgain_CountsThemOnce()
    {
        await using var database = await MigratedDatabaseAsync("u-1", "u-2");
        await using var dataSource = database.CreateDataSource();

        await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 10, 100), Vless("u-2", 5, 50));
        var again = await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 10, 100), Vless("u-2", 5, 50));
        var grown = await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 15, 130), Vless("u-2", 5, 50));

        Assert.Equal((0, 0), (again.UploadBytes, again.DownloadBytes));
        Assert.Equal((5, 30), (grown.UploadBytes, grown.DownloadBytes));
        Assert.Equal("15/130", await UsedAsync(database, "u-1"));
        Assert.Equal("5/50", await UsedAsync(database, "u-2"));
        Assert.Equal("15/130", await database.ScalarAsync<string>(
            "SELECT upload_bytes || '/' || download_bytes FROM user_node_traffic WHERE user_id = 'u-1' AND node_id = 'node-a'"));
    }

    [Fact]
    public async Task ApplyAsync_AfterARolledBackTurnAndANewProcess_CountsTheTrafficExactlyOnce()
    {
        await using var database = await MigratedDatabaseAsync("u-1");
        await using (var first = database.CreateDataSource())
        {
            await ApplyAsync(first, "node-a", commit: true, Vless("u-1", 10, 100));
            await ApplyAsync(first, "node-a", commit: false, Vless("u-1", 40, 400));
        }

        // A new data source stands for a restarted silo: all it knows is what the committed turns wrote.
        await using var second = database.CreateDataSource();
        var counted = await ApplyAsync(second, "node-a", commit: true, Vless("u-1", 40, 400));

        Assert.Equal((30, 300), (counted.UploadBytes, counted.DownloadBytes));
        Assert.Equal("40/400", await UsedAsync(database, "u-1"));
    }

    [Fact]
    public async Task ApplyAsync_WhenACounterGoesDown_CountsWhatTheRestartedCoreShowsAndSaysSo()
    {
        await using var database = await MigratedDatabaseAsync("u-1", "u-2");
        await using var dataSource = database.CreateDataSource();
        await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 100, 1000), Vless("u-2", 7, 70));

        var restarted = await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 3, 30), Vless("u-2", 7, 70));
        var after = await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 5, 50), Vless("u-2", 7, 70));

        Assert.True(restarted.CounterWentDown);
        Assert.False(after.CounterWentDown);
        Assert.Equal("105/1050", await UsedAsync(database, "u-1"));
        Assert.Equal("7/70", await UsedAsync(database, "u-2"));
    }

    [Fact]
    public async Task ApplyAsync_WhenAPollLeavesUsersOut_KeepsTheirLastSeenCountersPerNodeAndProtocol()
    {
        await using var database = await MigratedDatabaseAsync("u-1", "u-2");
        await using var dataSource = database.CreateDataSource();
        await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 10, 100), Vless("u-2", 20, 200), Hysteria2("u-2", 1, 1));
        await ApplyAsync(dataSource, "node-b", commit: true, Vless("u-2", 20, 200));

        await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 11, 110));
        var back = await ApplyAsync(dataSource, "node-a", commit: true, Vless("u-1", 11, 110), Vless("u-2", 20, 200), Hysteria2("u-2", 1, 1));

        Assert.Equal((0, 0), (back.UploadBytes, back.DownloadBytes));
        Assert.False(back.CounterWentDown);
        Assert.Equal("41/401", await UsedAsync(database, "u-2"));
    }

    [Fact]
    public async Task ApplyAsync_WhenEveryUserOfFullPagesMoves_UpdatesTheirRowsInPlace()
    {
        var userIds = Enumerable.Range(0, 2000).Select(i => $"u-{i:D5}").ToArray();
        await using var database = await MigratedDatabaseAsync(userIds);
        await using var dataSource = database.CreateDataSource();
        await ApplyAsync(dataSource, "node-a", commit: true, userIds.Select(u => Vless(u, 1, 10)).ToArray());

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await NodeTrafficAccounting.ApplyAsync(connection, transaction, "node-a", userIds.Select(u => Vless(u, 2, 20)).ToList(), Now.AddSeconds(15));

        // HOT updates (heap-only tuples) write no index entries: what the fillfactor of migration 0012 makes room for.
        Assert.True(await HotUpdatesAsync(connection, "user_traffic") >= userIds.Length * 9 / 10);
        Assert.True(await HotUpdatesAsync(connection, "user_node_traffic") >= userIds.Length * 9 / 10);
        Assert.True(await HotUpdatesAsync(connection, "user_daily_usage") > 0);
    }

    [Fact]
    public async Task Migration0011_PacksTheOldPerUserRowsIntoOneSetPerNode()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrations = MigrationRunner.Discover();
        foreach (var migration in migrations.Where(m => m.Version < 11))
        {
            await database.ExecuteAsync(migration.Sql);
        }
        await database.ExecuteAsync(
            """
            INSERT INTO node_counters (node_id, protocol, user_id, upload, download) VALUES
                ('node-a', 'vless', 'u-1', 10, 100), ('node-a', 'hysteria2', 'u-1', 0, 9000000000),
                ('node-a', 'vless', 'пользователь', 3, 4), ('node-b', 'vless', 'u-2', 5, 6);
            """);

        await database.ExecuteAsync(migrations.Single(m => m.Version == 11).Sql);

        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'node_counters'"));
        var nodeA = NodeCounterSet.Read(await SetAsync(database, "node-a"));
        Assert.Equal(3, nodeA.Count);
        Assert.Equal((10, 100), nodeA[(ProtocolNames.Vless, "u-1")]);
        Assert.Equal((0, 9_000_000_000), nodeA[(ProtocolNames.Hysteria2, "u-1")]);
        Assert.Equal((3, 4), nodeA[(ProtocolNames.Vless, "пользователь")]);
        Assert.Equal((5, 6), Assert.Single(NodeCounterSet.Read(await SetAsync(database, "node-b")), c => c.Key == (ProtocolNames.Vless, "u-2")).Value);
    }

    private static TrafficCounter Vless(string userId, long upload, long download) => new(NodeProtocol.Vless, userId, upload, download);

    private static TrafficCounter Hysteria2(string userId, long upload, long download) => new(NodeProtocol.Hysteria2, userId, upload, download);

    private static async Task<TestDatabase> MigratedDatabaseAsync(params string[] userIds)
    {
        var database = await TestDatabase.CreateAsync();
        await using (var dataSource = database.CreateDataSource())
        {
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        }
        foreach (var userId in userIds)
        {
            await database.ExecuteAsync($"INSERT INTO user_traffic (user_id, updated_at) VALUES ('{userId}', now())");
        }
        return database;
    }

    private static async Task<AccountingResult> ApplyAsync(NpgsqlDataSource dataSource, string nodeId, bool commit, params TrafficCounter[] counters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await NodeTrafficAccounting.ApplyAsync(connection, transaction, nodeId, counters, Now);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
        return result;
    }

    private static Task<string> UsedAsync(TestDatabase database, string userId) =>
        database.ScalarAsync<string>("SELECT upload_bytes || '/' || download_bytes FROM user_traffic WHERE user_id = $1", userId);

    private static async Task<long> HotUpdatesAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand("SELECT pg_stat_get_xact_tuples_hot_updated($1::regclass)", connection);
        command.Parameters.Add(new() { Value = table });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<byte[]> SetAsync(TestDatabase database, string nodeId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT counters FROM node_counter_sets WHERE node_id = $1", connection);
        command.Parameters.Add(new() { Value = nodeId });
        return (byte[])(await command.ExecuteScalarAsync())!;
    }
}

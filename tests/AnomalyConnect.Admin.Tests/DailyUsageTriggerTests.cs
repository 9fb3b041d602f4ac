using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AnomalyConnect.Admin.Tests;

/// <summary>Migration 0009's trigger (planned per batch since 0013): counted traffic lands in user_daily_usage once, resets add nothing, deletes forget.</summary>
public sealed class DailyUsageTriggerTests
{
    [Fact]
    public async Task UserTraffic_WhenCountedResetAndDeleted_KeepsTheDailyUsageInStep()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var dataSource = database.CreateDataSource())
        {
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        }
        await database.ExecuteAsync(
            """
            INSERT INTO user_traffic (user_id, upload_bytes, download_bytes, updated_at) VALUES
                ('u-a', 0, 0, '2030-01-01T10:00:00Z'), ('u-b', 0, 0, '2030-01-01T10:00:00Z');
            UPDATE user_traffic t SET upload_bytes = t.upload_bytes + d.up, download_bytes = t.download_bytes + d.down, updated_at = '2030-01-01T10:00:15Z'
            FROM unnest(ARRAY['u-a', 'u-b'], ARRAY[100, 5]::bigint[], ARRAY[1000, 0]::bigint[]) AS d(id, up, down) WHERE t.user_id = d.id;
            UPDATE user_traffic SET upload_bytes = upload_bytes + 10, download_bytes = download_bytes + 20, updated_at = '2030-01-01T23:59:59Z' WHERE user_id = 'u-a';
            UPDATE user_traffic SET upload_bytes = upload_bytes + 1, download_bytes = download_bytes + 2, updated_at = '2030-01-02T00:00:01Z' WHERE user_id = 'u-a';
            UPDATE user_traffic SET upload_bytes = 0, download_bytes = 0, updated_at = '2030-01-02T08:00:00Z' WHERE user_id = 'u-a';
            """);

        Assert.Equal("110/1020", await database.ScalarAsync<string>(
            "SELECT upload_bytes || '/' || download_bytes FROM user_daily_usage WHERE user_id = 'u-a' AND day = '2030-01-01'"));
        Assert.Equal("1/2", await database.ScalarAsync<string>(
            "SELECT upload_bytes || '/' || download_bytes FROM user_daily_usage WHERE user_id = 'u-a' AND day = '2030-01-02'"));
        Assert.Equal("2030-01-02 00:00:01+00", await database.ScalarAsync<string>(
            "SELECT to_char(last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' FROM user_daily_usage WHERE user_id = 'u-a' AND day = '2030-01-02'"));
        Assert.Equal(5, await database.ScalarAsync<long>("SELECT upload_bytes FROM user_daily_usage WHERE user_id = 'u-b'"));

        await database.ExecuteAsync("DELETE FROM user_traffic WHERE user_id = 'u-a'");

        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM user_daily_usage WHERE user_id = 'u-a'"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM user_daily_usage WHERE user_id = 'u-b'"));
    }

    [Fact]
    public async Task UserTraffic_ALargeBatchAfterAOneRowBatchOnTheSameConnection_IsPlannedForItsOwnSize()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        await database.ExecuteAsync(
            "INSERT INTO user_traffic (user_id, upload_bytes, download_bytes, updated_at) SELECT 'u-' || g, 0, 0, now() FROM generate_series(1, 2000) g");
        await using var connection = await dataSource.OpenConnectionAsync();
        var plans = new List<string>();
        connection.Notice += (_, e) => plans.Add(e.Notice.MessageText);
        // auto_explain sends the plan of every statement, the trigger's included, to this connection as a notice.
        await ExecuteAsync(connection,
            "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET client_min_messages = log");

        await ExecuteAsync(connection, "UPDATE user_traffic SET download_bytes = download_bytes + 1, updated_at = now() WHERE user_id = 'u-1'");
        plans.Clear();
        await ExecuteAsync(connection, "UPDATE user_traffic SET download_bytes = download_bytes + 1, updated_at = now()");

        var dailyUsagePlan = Assert.Single(plans, p => p.Contains("INSERT INTO user_daily_usage", StringComparison.Ordinal));
        Assert.DoesNotContain("Nested Loop", dailyUsagePlan, StringComparison.Ordinal);
        Assert.Equal(2001, await database.ScalarAsync<long>("SELECT sum(download_bytes) FROM user_daily_usage"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

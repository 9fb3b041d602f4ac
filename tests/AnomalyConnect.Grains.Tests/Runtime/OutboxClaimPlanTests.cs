using System.Text.Json;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;
using Npgsql;

namespace AnomalyConnect.Grains.Tests.Runtime;

/// <summary>
/// The claim under the statistics an outbox mostly has: analyzed while empty (no rows, some pages), then a backlog.
/// The plans are generic, as they are for the dispatcher's prepared statement after its fifth claim.
/// </summary>
public sealed class OutboxClaimPlanTests
{
    private const int Backlog = 3_000;
    private const int Limit = 16;

    [Fact]
    public async Task Claim_WhenTheStatisticsSayTheOutboxIsEmpty_WalksThePrimaryKeyAndStopsAtTheLimit()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();

        var plan = await GenericClaimPlanAsync(runtime.Database, withPlannerSettings: true);

        var outboxNodes = Nodes(plan).Where(n => n.Relation == "outbox").ToList();
        Assert.DoesNotContain(Nodes(plan), n => n.Type is "Seq Scan" or "Sort" or "Hash Join" or "Merge Join");
        Assert.Contains(outboxNodes, n => n.Type == "Index Scan" && n.Index == "outbox_pkey" && n.RowsRead <= 2 * Limit);
        Assert.Contains(outboxNodes, n => n.Type is "Index Only Scan" or "Index Scan" && n.Index == "outbox_partition");
    }

    [Fact]
    public async Task ClaimQuery_WithoutThePlannerSettings_ReadsTheWholeBacklogAtEveryClaim()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();

        var plan = await GenericClaimPlanAsync(runtime.Database, withPlannerSettings: false);

        // The hazard the settings are there for: PostgreSQL 15 plans for the empty table it was told of.
        Assert.Contains(Nodes(plan), n => n.Relation == "outbox" && n.Type == "Seq Scan" && n.RowsRead >= Backlog);
    }

    [Fact]
    public async Task ClaimAsync_WhenTheStatisticsSayTheOutboxIsEmpty_LeasesTheOldestEntryOfEachPartitionOnly()
    {
        await using var runtime = await InProcessRuntime.CreateAsync();
        await AnalyzeEmptyThenFillAsync(runtime.Database);
        await using var dataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(runtime.Database.ConnectionString) { Options = "-c plan_cache_mode=force_generic_plan" }.ConnectionString);
        var store = new OutboxStore(dataSource);
        var now = DateTimeOffset.UtcNow.AddMinutes(1);

        var first = await store.ClaimAsync("silo-a", now, TimeSpan.FromMinutes(5), Limit, CancellationToken.None);
        var second = await store.ClaimAsync("silo-b", now, TimeSpan.FromMinutes(5), Limit, CancellationToken.None);

        // Every tenth partition has a second, newer entry; it waits for its partition's first.
        var heads = await runtime.Database.ScalarAsync<long[]>(
            "SELECT array_agg(id ORDER BY id) FROM (SELECT min(id) AS id FROM outbox GROUP BY partition_key ORDER BY 1 LIMIT $1) h", 2 * Limit);
        Assert.Equal(heads, first.Concat(second).Select(e => e.Id).ToArray());
        Assert.Equal(2 * Limit, await runtime.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE leased_by IN ('silo-a', 'silo-b')"));
    }

    /// <summary>
    /// ANALYZE while the outbox is empty (its pages kept), as autovacuum does between bursts. Autovacuum is off for the
    /// table here, so that it cannot analyze the backlog before the plan is taken.
    /// </summary>
    private static async Task AnalyzeEmptyAsync(TestDatabase database)
    {
        await database.ExecuteAsync(
            """
            ALTER TABLE outbox SET (autovacuum_enabled = false);
            INSERT INTO outbox (kind, partition_key, payload, created_at, next_attempt_at)
            SELECT 'probe.note', 'earlier-' || g, '{}', now(), now() FROM generate_series(1, 2000) g;
            DELETE FROM outbox;
            ANALYZE outbox;
            """);
        Assert.Equal(0, await database.ScalarAsync<float>("SELECT reltuples FROM pg_class WHERE relname = 'outbox'"));
    }

    /// <summary>Entries for users <paramref name="first"/> … <paramref name="last"/>: one each, and a second, newer one for every tenth.</summary>
    private static string FillSql(int first, int last) =>
        $"""
        INSERT INTO outbox (kind, partition_key, payload, created_at, next_attempt_at)
        SELECT 'probe.note', 'node-2/vless/user-' || g, jsonb_build_object('text', 'note ' || g), now(), now()
        FROM generate_series({first}, {last}) g;
        INSERT INTO outbox (kind, partition_key, payload, created_at, next_attempt_at)
        SELECT 'probe.note', 'node-2/vless/user-' || g, jsonb_build_object('text', 'again ' || g), now(), now()
        FROM generate_series({first}, {last}, 10) g;
        """;

    private static async Task AnalyzeEmptyThenFillAsync(TestDatabase database)
    {
        await AnalyzeEmptyAsync(database);
        await database.ExecuteAsync(FillSql(1, Backlog));
    }

    /// <summary>
    /// The claim's generic plan as a prepared statement gets it: made at its first claim, while only a few entries
    /// wait, and kept as the backlog arrives (in the same transaction here, which is rolled back).
    /// </summary>
    private static async Task<JsonElement> GenericClaimPlanAsync(TestDatabase database, bool withPlannerSettings)
    {
        await AnalyzeEmptyAsync(database);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }
        await ExecuteAsync(withPlannerSettings
            ? $"SET LOCAL plan_cache_mode = force_generic_plan; {OutboxStore.PlannerSettingsSql}"
            : "SET LOCAL plan_cache_mode = force_generic_plan");
        await ExecuteAsync($"PREPARE claim_probe (timestamptz, timestamptz, text, integer) AS {OutboxStore.ClaimSql}");
        await ExecuteAsync(FillSql(Backlog - 2, Backlog));
        await ExecuteAsync($"EXECUTE claim_probe (now() + interval '1 minute', now() + interval '5 minutes', 'probe', {Limit})");
        await ExecuteAsync(FillSql(1, Backlog - 3));
        await using var explain = new NpgsqlCommand(
            $"EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) EXECUTE claim_probe (now() + interval '1 minute', now() + interval '5 minutes', 'probe', {Limit})",
            connection, transaction);
        var json = (string)(await explain.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        return JsonDocument.Parse(json).RootElement[0].GetProperty("Plan").Clone();
    }

    private static IEnumerable<PlanNode> Nodes(JsonElement node)
    {
        yield return new PlanNode(
            node.GetProperty("Node Type").GetString()!,
            node.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null,
            node.TryGetProperty("Index Name", out var index) ? index.GetString() : null,
            (node.TryGetProperty("Actual Rows", out var rows) ? rows.GetDouble() : 0)
                + (node.TryGetProperty("Rows Removed by Filter", out var removed) ? removed.GetDouble() : 0));
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    /// <summary>A node of a plan; <paramref name="RowsRead"/> counts the rows its filter removed too.</summary>
    private sealed record PlanNode(string Type, string? Relation, string? Index, double RowsRead);
}

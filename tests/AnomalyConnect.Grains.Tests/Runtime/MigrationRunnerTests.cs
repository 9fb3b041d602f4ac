using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnomalyConnect.Grains.Tests.Runtime;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task ApplyAsync_FromSeveralSilosAtOnce_AppliesEachMigrationOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        var runners = Enumerable.Range(0, 4).Select(_ => new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance));

        var applied = await Task.WhenAll(runners.Select(r => r.ApplyAsync(CancellationToken.None)));

        var known = MigrationRunner.Discover().Count;
        Assert.Equal(known, applied.Sum());
        Assert.Equal(known, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(0, await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None));
    }

    [Fact]
    public void Discover_FindsTheRuntimeAndQuartzMigrationsInVersionOrder()
    {
        var migrations = MigrationRunner.Discover();

        Assert.Equal(migrations.Select(m => m.Version).Order(), migrations.Select(m => m.Version));
        Assert.Contains(migrations, m => m.Sql.Contains("CREATE TABLE grain_state", StringComparison.Ordinal));
        Assert.Contains(migrations, m => m.Sql.Contains("qrtz_triggers", StringComparison.Ordinal));
    }
}

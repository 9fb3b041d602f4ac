using AnomalyConnect.Corporate.Tests.Support;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Corporate.Tests;

/// <summary>Bad corporate settings stop the silo at start-up with a sentence naming the variable.</summary>
public sealed class CorporateConfigurationTests
{
    [Fact]
    public async Task Silo_WithBadCorporateSettings_DoesNotStartAndSaysWhy()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = CorporateSilo.Environment(database, new Dictionary<string, string>
        {
            ["CORPORATE_REGISTRY_ENFORCED"] = "maybe",
            ["CORPORATE_DEFAULT_DAYS"] = "forever",
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(CorporateSilo.SiloAssemblyPath, environment));

        Assert.Contains("CORPORATE_REGISTRY_ENFORCED must be true or false; 'maybe' is neither.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CORPORATE_DEFAULT_DAYS must be a whole number of days", failure.Message, StringComparison.Ordinal);
        Assert.Contains("did not start", failure.Message, StringComparison.Ordinal);
    }
}

using AnomalyConnect.Testing;

namespace AnomalyConnect.Subscriptions.Tests;

/// <summary>An operator's rule file that cannot be used stops the silo before it serves anything.</summary>
public sealed class SubscriptionStartupTests
{
    [Theory]
    [InlineData("""{"rules": [{"contains": "x", "format": "wireguard"}]}""", "rule 1's \"format\" must be one of")]
    [InlineData("""{"rules": [{"regex": "(?<=a)b", "format": "clash"}]}""", "needs backtracking")]
    [InlineData("not json", "not valid JSON")]
    public async Task Start_WhenTheRulesFileIsInvalid_StopsWithASentenceNamingTheSetting(string rules, string reason)
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = Path.Combine(Path.GetTempPath(), $"bad-rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, rules);
        try
        {
            var (exitCode, output) = await SiloProcess.RunUntilExitAsync(
                database, "bad-rules", new Dictionary<string, string> { ["SUBSCRIPTION_RULES_FILE"] = path });

            Assert.NotEqual(0, exitCode);
            Assert.Contains($"SUBSCRIPTION_RULES_FILE ('{path}') cannot be used.", output, StringComparison.Ordinal);
            Assert.Contains(reason, output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Start_WhenTheRulesFileDoesNotExist_StopsWithASentenceNamingIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var (exitCode, output) = await SiloProcess.RunUntilExitAsync(
            database, "missing-rules", new Dictionary<string, string> { ["SUBSCRIPTION_RULES_FILE"] = path });

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"SUBSCRIPTION_RULES_FILE points at '{path}', which does not exist.", output, StringComparison.Ordinal);
    }
}

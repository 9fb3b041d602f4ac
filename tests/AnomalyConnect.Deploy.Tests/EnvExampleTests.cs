using System.Text.RegularExpressions;
using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

public sealed partial class EnvExampleTests
{
    private static readonly string[] DesignVariables =
    [
        "APP_URL", "API_SECRET_KEY", "BOT_TOKEN", "ADMIN_IDS", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD",
        "DATABASE_URL", "YOOKASSA_SHOP_ID", "YOOKASSA_SECRET_KEY", "TELEGRAM_PAYMENT_PROVIDER_TOKEN", "CORPORATE_SECRET",
        "WEBHOOK_SECRET", "TELEGRAM_API_URL", "YOOKASSA_API_URL", "SILO_NAME", "ANOMALY_ROLES", "DB_POOL_SIZE", "DOMAIN",
        "ACME_EMAIL", "ADMIN_ALLOWLIST",
    ];

    // The product's sources: what the silo process runs (its own code, the grains, the front end, the bot, the clients).
    private static readonly string[] SourceRoots = ["silo", "client", "grains", "src"];

    private readonly EnvExampleFile example = EnvExampleFile.Load(".env.example");

    [Fact]
    public void EnvExample_WhenRead_NamesEveryDesignVariable()
    {
        var missing = DesignVariables.Where(v => !example.Variables.ContainsKey(v)).ToList();

        Assert.True(missing.Count == 0, $".env.example lacks {string.Join(", ", missing)}.");
    }

    [Fact]
    public void EnvExample_WhenComparedWithTheSources_NamesEveryVariableTheCodeReads()
    {
        var read = VariablesReadByTheCode();
        var missing = read.Where(v => !example.Variables.ContainsKey(v.Key)).Select(v => $"{v.Key} ({v.Value})").ToList();

        Assert.Contains("API_SECRET_KEY", read.Keys);
        Assert.Contains("DB_POOL_SIZE", read.Keys);
        Assert.Contains("NODE_CLIENT_CERT", read.Keys);
        Assert.True(missing.Count == 0, $".env.example lacks variables the code reads: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void EnvExample_WhenRead_ExplainsEveryVariableWithAComment()
    {
        var unexplained = example.Variables.Values.Where(v => !v.HasComment).Select(v => v.Name).ToList();

        Assert.True(unexplained.Count == 0, $"No comment above {string.Join(", ", unexplained)} in .env.example.");
    }

    [Fact]
    public void EnvExample_WhenRead_HoldsNoRealLookingSecrets()
    {
        foreach (var name in new[] { "API_SECRET_KEY", "CORPORATE_SECRET", "WEBHOOK_SECRET", "DB_PASSWORD" })
        {
            Assert.StartsWith("change-me", example.Variables[name].Value, StringComparison.Ordinal);
        }
        Assert.Equal(string.Empty, example.Variables["BOT_TOKEN"].Value);
        Assert.Equal(string.Empty, example.Variables["YOOKASSA_SECRET_KEY"].Value);
    }

    /// <summary>
    /// Environment-style names (UPPER_SNAKE) read through IConfiguration's indexer, GetValue, the environment, or a helper
    /// that takes the configuration and the name (<c>Required("NAME"…)</c>, <c>Seconds(configuration, "NAME"…)</c>).
    /// </summary>
    private static Dictionary<string, string> VariablesReadByTheCode()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in SourceRoots)
        {
            var directory = RepositoryFiles.PathOf(root);
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                foreach (Match match in ConfigurationRead().Matches(File.ReadAllText(file)))
                {
                    found.TryAdd(match.Groups["name"].Value, Path.GetRelativePath(RepositoryFiles.Root, file));
                }
            }
        }
        return found;
    }

    [GeneratedRegex(@"(?:[Cc]onfiguration\s*\[\s*|GetEnvironmentVariable\(\s*|GetValue<[^>]+>\(\s*|\bRequired\(\s*|\(\s*[Cc]onfiguration\s*,\s*)""(?<name>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)""")]
    private static partial Regex ConfigurationRead();
}

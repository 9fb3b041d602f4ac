using AnomalyConnect.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AnomalyConnect.Silo.Tests.Configuration;

public sealed class SiloSettingsTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["API_SECRET_KEY"] = "admin-secret",
        ["CORPORATE_SECRET"] = "corporate-secret",
        ["WEBHOOK_SECRET"] = "webhook-secret",
        ["DB_HOST"] = "db.internal",
        ["DB_PORT"] = "6432",
        ["DB_NAME"] = "vpn",
        ["DB_USER"] = "vpn_user",
        ["DB_PASSWORD"] = "p@ss",
    };

    [Fact]
    public void Read_WithEveryRequiredVariable_HasNoProblems()
    {
        var (settings, problems) = SiloSettings.Read(Configuration(Complete));

        Assert.Empty(problems);
        var connection = new NpgsqlConnectionStringBuilder(settings.DatabaseConnectionString);
        Assert.Equal(("db.internal", 6432, "vpn", "vpn_user", "p@ss"), (connection.Host, connection.Port, connection.Database, connection.Username, connection.Password));
        Assert.Equal(new SiloRoles(Silo: true, Api: true, Bot: false), settings.Roles);
    }

    [Theory]
    [InlineData("API_SECRET_KEY")]
    [InlineData("CORPORATE_SECRET")]
    [InlineData("WEBHOOK_SECRET")]
    public void Read_WithoutARequiredSecret_SaysWhichOneInASentence(string missing)
    {
        var values = new Dictionary<string, string?>(Complete) { [missing] = null };

        var (_, problems) = SiloSettings.Read(Configuration(values));

        var problem = Assert.Single(problems);
        Assert.StartsWith($"{missing} is not set", problem, StringComparison.Ordinal);
        Assert.EndsWith(".", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithDatabaseUrl_PrefersItOverTheSeparateVariables()
    {
        var values = new Dictionary<string, string?>(Complete) { ["DATABASE_URL"] = "postgres://svc:s%40cret@10.0.0.5:5433/anomaly" };

        var (settings, problems) = SiloSettings.Read(Configuration(values));

        Assert.Empty(problems);
        var connection = new NpgsqlConnectionStringBuilder(settings.DatabaseConnectionString);
        Assert.Equal(("10.0.0.5", 5433, "anomaly", "svc", "s@cret"), (connection.Host, connection.Port, connection.Database, connection.Username, connection.Password));
    }

    [Theory]
    [InlineData("DATABASE_URL", "mysql://x@y/z", "DATABASE_URL is not a postgres://")]
    [InlineData("DB_PORT", "eighty", "DB_PORT must be a port number")]
    [InlineData("ADMIN_IDS", "123,abc", "ADMIN_IDS must be Telegram user ids")]
    [InlineData("ANOMALY_ROLES", "silo,frontend", "ANOMALY_ROLES names an unknown role 'frontend'")]
    [InlineData("ANOMALY_ROLES", "bot", "ANOMALY_ROLES asks for the bot but BOT_TOKEN is not set")]
    [InlineData("NODE_HEARTBEAT_SECONDS", "often", "NODE_HEARTBEAT_SECONDS must be a number of seconds")]
    public void Read_WithAMalformedValue_ExplainsIt(string name, string value, string expectedStart)
    {
        var values = new Dictionary<string, string?>(Complete) { [name] = value };

        var (_, problems) = SiloSettings.Read(Configuration(values));

        Assert.Contains(problems, p => p.StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WithABotToken_AddsTheBotRoleByDefault()
    {
        var values = new Dictionary<string, string?>(Complete) { ["BOT_TOKEN"] = "123:abc", ["ADMIN_IDS"] = "42, 43" };

        var (settings, problems) = SiloSettings.Read(Configuration(values));

        Assert.Empty(problems);
        Assert.True(settings.Roles.Bot);
        Assert.Equal([42L, 43L], settings.AdminIds);
    }

    [Theory]
    [InlineData(null, null, 3.0, true)]
    [InlineData("10", "2", 2.0, true)]
    [InlineData("10", "10", 10.0, false)]
    public void Read_NodeHeartbeat_IsOnOnlyWhenShorterThanThePollInterval(string? poll, string? heartbeat, double expectedSeconds, bool expectedOn)
    {
        var values = new Dictionary<string, string?>(Complete) { ["NODE_POLL_INTERVAL_SECONDS"] = poll, ["NODE_HEARTBEAT_SECONDS"] = heartbeat };

        var (settings, problems) = SiloSettings.Read(Configuration(values));

        Assert.Empty(problems);
        Assert.Equal((TimeSpan.FromSeconds(expectedSeconds), expectedOn), (settings.Nodes.HeartbeatInterval, settings.Nodes.HeartbeatsEnabled));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

using AnomalyConnect.Testing;
using Npgsql;

namespace AnomalyConnect.Subscriptions.Tests.Support;

/// <summary>
/// One real silo on a fresh database, with three registered nodes whose management endpoints are not there: they
/// are never probed healthy, and NODE_FAILURE_THRESHOLD keeps them from being declared dead, so placements hold.
/// Tests share it and each creates its own users.
/// </summary>
public sealed class SubscriptionSilo : IAsyncLifetime
{
    public const string AppUrl = "https://vpn.example.com";
    public const string SupportUrl = "https://t.me/anomaly_support";

    /// <summary>The operator's rule file: one rule of its own in front of the built-in ones.</summary>
    public const string OperatorAgent = "AnomalyProbe";

    private const string Unreachable = "http://127.0.0.1:9";

    private string? rulesFile;

    internal TestDatabase Database { get; private set; } = null!;

    internal HostProcess Silo { get; private set; } = null!;

    internal AdminApi Admin { get; private set; } = null!;

    internal SubscriptionClient Subscriptions { get; private set; } = null!;

    internal static TestNode Frankfurt { get; } = new("node-eu-1", "Frankfurt 1", "eu", "eu1.example.com");

    internal static TestNode Berlin { get; } = new("node-de-1", "Berlin 1", "de", "de1.example.com");

    internal static TestNode Amsterdam { get; } = new("node-nl-1", "Amsterdam 1", "nl", "nl1.example.com");

    internal static IReadOnlyList<TestNode> Nodes { get; } = [Frankfurt, Berlin, Amsterdam];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        rulesFile = Path.Combine(Path.GetTempPath(), $"ua-rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(rulesFile, $$"""{"rules": [{"contains": "{{OperatorAgent}}", "format": "clash"}], "includeDefaults": true}""");
        Silo = await SiloProcess.StartAsync(Database, "subscriptions-1", new Dictionary<string, string>
        {
            ["APP_URL"] = AppUrl,
            ["SUPPORT_URL"] = SupportUrl,
            ["SUBSCRIPTION_RULES_FILE"] = rulesFile,
            ["NODE_FAILURE_THRESHOLD"] = "1000000",
        });
        Admin = new AdminApi(Silo.BaseAddress);
        Subscriptions = new SubscriptionClient(Silo.BaseAddress);
        await Admin.RegisterNodeAsync(new
        {
            id = Frankfurt.Id, name = Frankfurt.Name, region = Frankfurt.Region, address = Frankfurt.Address, capacity = 1000,
            xray = new
            {
                api_url = Unreachable, flavor = "xray", inbound_tag = "vless-in", port = 443, security = "reality",
                reality = new { public_key = Frankfurt.PublicKey, short_id = "0123abcd", server_name = "www.microsoft.com", fingerprint = "firefox", spider_x = "/" },
            },
            hysteria2 = new { port = "8443", stats_url = Unreachable, stats_secret = "stats", server_name = Frankfurt.Address, obfs_password = "obfs-pass" },
        });
        await Admin.RegisterNodeAsync(new
        {
            id = Berlin.Id, name = Berlin.Name, region = Berlin.Region, address = Berlin.Address, capacity = 1000,
            xray = new
            {
                api_url = Unreachable, flavor = "xray", inbound_tag = "vless-in", port = 8443, security = "reality",
                reality = new { public_key = Berlin.PublicKey, short_id = "cafe", server_name = "www.apple.com", fingerprint = "chrome" },
            },
        });
        await Admin.RegisterNodeAsync(new
        {
            id = Amsterdam.Id, name = Amsterdam.Name, region = Amsterdam.Region, address = Amsterdam.Address, capacity = 1000,
            hysteria2 = new { port = "20000-30000", stats_url = Unreachable, stats_secret = "stats", server_name = Amsterdam.Address, insecure = true },
        });
    }

    /// <summary>A user with a fresh key; placed on the nodes above.</summary>
    internal Task<TestUser> CreateUserAsync(int? days = 30, long? trafficLimitBytes = null, int? deviceLimit = null) =>
        Admin.CreateUserAsync(new { days, traffic_limit_bytes = trafficLimitBytes, device_limit = deviceLimit });

    /// <summary>The user's secrets as the grain stores them, to look for in (or miss from) what is served.</summary>
    internal async Task<(string VlessUuid, string Hysteria2Auth)> CredentialsAsync(string userId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT state->>'vless_uuid', state->>'hysteria2_auth' FROM grain_state WHERE grain_type = 'user' AND grain_key = $1", connection);
        command.Parameters.Add(new() { Value = userId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no user {userId}");
        return (reader.GetString(0), reader.GetString(1));
    }

    internal static TestNode Node(string id) => Nodes.Single(n => n.Id == id);

    public async Task DisposeAsync()
    {
        Subscriptions?.Dispose();
        Admin?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
        if (rulesFile is not null)
        {
            File.Delete(rulesFile);
        }
    }
}

internal sealed record TestNode(string Id, string Name, string Region, string Address)
{
    /// <summary>A made-up x25519 public key per node (base64url, 32 bytes).</summary>
    public string PublicKey => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Id)))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

[CollectionDefinition(Name)]
public sealed class SubscriptionSiloCollection : ICollectionFixture<SubscriptionSilo>
{
    public const string Name = "subscription silo";
}

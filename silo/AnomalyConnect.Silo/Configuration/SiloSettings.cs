using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Silo.Configuration;

/// <summary>
/// The silo's configuration, read from the environment variables operators know (DESIGN.md §5).
/// Secrets come only from the environment and are never logged.
/// </summary>
public sealed record SiloSettings
{
    public required string AppUrl { get; init; }

    public required string ApiSecretKey { get; init; }

    public required string CorporateSecret { get; init; }

    public required string WebhookSecret { get; init; }

    public string? BotToken { get; init; }

    public required IReadOnlyList<long> AdminIds { get; init; }

    public required string DatabaseConnectionString { get; init; }

    public required SiloRoles Roles { get; init; }

    public string? SiloName { get; init; }

    public required IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; }

    public required Grains.Nodes.NodeOptions Nodes { get; init; }

    public required Grains.Nodes.NodeClientOptions NodeClient { get; init; }

    /// <summary>Reads the settings, or says in plain sentences what is missing or malformed.</summary>
    public static SiloSettingsResult Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        string Required(string name, string purpose)
        {
            var value = configuration[name];
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name} is not set: it is required ({purpose}).");
                return "";
            }
            return value;
        }

        var apiSecret = Required("API_SECRET_KEY", "the admin API bearer token");
        var corporateSecret = Required("CORPORATE_SECRET", "the X-Corporate-Secret of the corporate access API");
        var webhookSecret = Required("WEBHOOK_SECRET", "the HMAC key that signs HR webhooks");
        var botToken = configuration["BOT_TOKEN"];
        var database = DatabaseConnection.FromConfiguration(configuration, problems);
        var adminIds = ParseAdminIds(configuration["ADMIN_IDS"], problems);
        var roles = SiloRoles.Parse(configuration["ANOMALY_ROLES"], hasBotToken: !string.IsNullOrWhiteSpace(botToken), problems);
        var (nodes, nodeClient) = NodeSettings.Read(configuration, problems);
        var trustedProxies = ParseNetworks(configuration["TRUSTED_PROXIES"], problems);
        var appUrl = configuration["APP_URL"] is { Length: > 0 } url ? url.TrimEnd('/') : "http://127.0.0.1:8080";
        if (!Uri.TryCreate(appUrl, UriKind.Absolute, out _))
        {
            problems.Add($"APP_URL is not an absolute URL: '{appUrl}'.");
        }

        var settings = new SiloSettings
        {
            AppUrl = appUrl,
            ApiSecretKey = apiSecret,
            CorporateSecret = corporateSecret,
            WebhookSecret = webhookSecret,
            BotToken = string.IsNullOrWhiteSpace(botToken) ? null : botToken,
            AdminIds = adminIds,
            DatabaseConnectionString = database,
            Roles = roles,
            SiloName = configuration["SILO_NAME"],
            TrustedProxies = trustedProxies,
            Nodes = nodes,
            NodeClient = nodeClient,
        };
        return new SiloSettingsResult(settings, problems);
    }

    private static List<System.Net.IPNetwork> ParseNetworks(string? raw, List<string> problems)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var part in (raw ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var text = part.Contains('/', StringComparison.Ordinal) ? part
                : part.Contains(':', StringComparison.Ordinal) ? part + "/128" : part + "/32";
            if (System.Net.IPNetwork.TryParse(text, out var network))
            {
                networks.Add(network);
            }
            else
            {
                problems.Add($"TRUSTED_PROXIES must be addresses or networks like 172.16.0.0/12 separated by commas; '{part}' is not.");
            }
        }
        return networks;
    }

    private static List<long> ParseAdminIds(string? raw, List<string> problems)
    {
        var ids = new List<long>();
        foreach (var part in (raw ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
            else
            {
                problems.Add($"ADMIN_IDS must be Telegram user ids separated by commas; '{part}' is not a number.");
            }
        }
        return ids;
    }
}

/// <summary>The settings, and the sentences that say why they cannot be used (empty when they can).</summary>
public sealed record SiloSettingsResult(SiloSettings Settings, IReadOnlyList<string> Problems);

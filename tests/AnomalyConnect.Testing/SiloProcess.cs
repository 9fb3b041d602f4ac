using Npgsql;

namespace AnomalyConnect.Testing;

/// <summary>Starts the real silo executable (the same build the tests run in) against a test database with complete, known settings.</summary>
public static class SiloProcess
{
    public const string AdminToken = "test-admin-token-0123456789";
    public const string CorporateSecret = "test-corporate-secret-0123456789";
    public const string WebhookSecret = "test-webhook-secret-0123456789";

    public static string AssemblyPath => BuiltAssemblies.Find("silo/AnomalyConnect.Silo", "AnomalyConnect.Silo");

    public static Dictionary<string, string> Environment(TestDatabase database, string siloName) =>
        Environment(database.ConnectionString, siloName);

    public static Dictionary<string, string> Environment(string connectionString, string siloName)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        return new Dictionary<string, string>
        {
            ["API_SECRET_KEY"] = AdminToken,
            ["CORPORATE_SECRET"] = CorporateSecret,
            ["WEBHOOK_SECRET"] = WebhookSecret,
            ["DB_HOST"] = connection.Host!,
            ["DB_PORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DB_NAME"] = connection.Database!,
            ["DB_USER"] = connection.Username!,
            ["SILO_NAME"] = siloName,
        };
    }

    public static Task<HostProcess> StartAsync(TestDatabase database, string siloName = "silo-1", IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = Environment(database, siloName);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return HostProcess.StartAsync(AssemblyPath, environment);
    }
}

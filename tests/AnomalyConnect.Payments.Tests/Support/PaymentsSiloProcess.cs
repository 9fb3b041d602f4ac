using System.Globalization;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;
using Npgsql;

namespace AnomalyConnect.Payments.Tests.Support;

/// <summary>
/// Starts the real silo executable (the copy built beside these tests) against a test database, with YooKassa and the
/// Bot API pointed at loopback fakes. The bot role stays off: these tests play the bot through the grain interfaces.
/// </summary>
internal static class PaymentsSiloProcess
{
    public const string AdminToken = "test-admin-token-payments-0123456789";
    public const string TelegramProviderToken = "381764678:TEST:payments";

    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "AnomalyConnect.Silo.dll");

    public static Dictionary<string, string> Environment(
        TestDatabase database, string siloName, FakeYooKassaServer? yooKassa, FakeTelegramServer? telegram)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var environment = new Dictionary<string, string>
        {
            ["API_SECRET_KEY"] = AdminToken,
            ["CORPORATE_SECRET"] = "test-corporate-secret-payments-0123456789",
            ["WEBHOOK_SECRET"] = "test-webhook-secret-payments-0123456789",
            ["DB_HOST"] = connection.Host!,
            ["DB_PORT"] = connection.Port.ToString(CultureInfo.InvariantCulture),
            ["DB_NAME"] = connection.Database!,
            ["DB_USER"] = connection.Username!,
            ["SILO_NAME"] = siloName,
            ["ANOMALY_ROLES"] = "silo,api",
            ["APP_URL"] = "https://vpn.example.test",
            ["TELEGRAM_PAYMENT_PROVIDER_TOKEN"] = TelegramProviderToken,
        };
        if (yooKassa is not null)
        {
            environment["YOOKASSA_SHOP_ID"] = yooKassa.ShopId;
            environment["YOOKASSA_SECRET_KEY"] = yooKassa.SecretKey;
            environment["YOOKASSA_API_URL"] = yooKassa.BaseUrl.ToString();
        }
        if (telegram is not null)
        {
            environment["BOT_TOKEN"] = telegram.Token;
            environment["TELEGRAM_API_URL"] = telegram.BaseUrl.ToString();
        }
        return environment;
    }

    public static Task<HostProcess> StartAsync(
        TestDatabase database,
        FakeYooKassaServer? yooKassa,
        FakeTelegramServer? telegram,
        string siloName = "silo-1",
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = Environment(database, siloName, yooKassa, telegram);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return HostProcess.StartAsync(AssemblyPath, environment);
    }
}

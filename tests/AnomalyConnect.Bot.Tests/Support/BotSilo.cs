using System.Globalization;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains;
using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AnomalyConnect.Bot.Tests.Support;

/// <summary>
/// The real silo process (all roles, the bot included) on a fresh database, talking to a loopback fake Bot API; and
/// the grains of the same database in this process (no silo work) to arrange what a test needs and read what happened.
/// </summary>
public sealed class BotSilo : IAsyncDisposable
{
    public const string AdminToken = "bot-tests-admin-token-0123456789";
    public const string AppUrl = "https://vpn.bot.example";
    public const long AdminId = 900_000_001;
    public const int TrialDays = 3;

    private readonly Lazy<ServiceProvider> services;

    private BotSilo(TestDatabase database, FakeTelegramServer telegram, SiloLauncher silo)
    {
        Database = database;
        Telegram = telegram;
        Silo = silo;
        services = new Lazy<ServiceProvider>(() => BuildServices(database, telegram));
    }

    public TestDatabase Database { get; }

    public FakeTelegramServer Telegram { get; }

    public SiloLauncher Silo { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IUserDirectory Users => Services.GetRequiredService<IUserDirectory>();

    public ITelegramInbox Inbox => Services.GetRequiredService<ITelegramInbox>();

    public ICatalog Catalog => Services.GetRequiredService<ICatalog>();

    public ICorporateAccess Corporate => Services.GetRequiredService<ICorporateAccess>();

    public IBroadcasts Broadcasts => Services.GetRequiredService<IBroadcasts>();

    private ServiceProvider Services => services.Value;

    public static async Task<BotSilo> StartAsync(IReadOnlyDictionary<string, string>? overrides = null, Func<Uri, IReadOnlyDictionary<string, string>>? addressed = null)
    {
        var database = await TestDatabase.CreateAsync();
        var telegram = FakeTelegramServer.Start();
        telegram.LongPollCap = TimeSpan.FromSeconds(2);
        SiloLauncher? silo = null;
        try
        {
            var environment = Environment(database, telegram);
            foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }
            silo = new SiloLauncher(environment, addressed);
            await silo.StartAsync();
            return new BotSilo(database, telegram, silo);
        }
        catch
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
            await telegram.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }

    public static Dictionary<string, string> Environment(TestDatabase database, FakeTelegramServer telegram)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return new Dictionary<string, string>
        {
            ["API_SECRET_KEY"] = AdminToken,
            ["CORPORATE_SECRET"] = "bot-tests-corporate-secret-0123456789",
            ["WEBHOOK_SECRET"] = "bot-tests-webhook-secret-0123456789",
            ["DB_HOST"] = connection.Host!,
            ["DB_PORT"] = connection.Port.ToString(CultureInfo.InvariantCulture),
            ["DB_NAME"] = connection.Database!,
            ["DB_USER"] = connection.Username!,
            ["SILO_NAME"] = "bot-silo",
            ["APP_URL"] = AppUrl,
            ["BOT_TOKEN"] = telegram.Token,
            ["TELEGRAM_API_URL"] = telegram.BaseUrl.ToString(),
            ["ADMIN_IDS"] = AdminId.ToString(CultureInfo.InvariantCulture),
            ["TRIAL_DAYS"] = TrialDays.ToString(CultureInfo.InvariantCulture),
            ["BOT_USERNAME"] = telegram.BotUsername,
            ["SUPPORT_USERNAME"] = "anomaly_support",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__AnomalyConnect.Bot"] = "Information",
        };
    }

    /// <summary>A user created the way an admin or HR would, linked to a Telegram chat.</summary>
    public async Task<UserView> CreateUserAsync(long telegramId, int days, string? username = null)
    {
        var result = await Grains.GetGrain<IUserGrain>(UserIds.New()).CreateAsync(new NewUser(days, null, TelegramId: telegramId, Username: username));
        return result.User ?? throw new InvalidOperationException($"The user was not created: {result.Outcome} {result.Error}");
    }

    public async Task<UserView?> UserOfAsync(long telegramId) =>
        await Users.FindByTelegramIdAsync(telegramId, CancellationToken.None) is { } userId ? await Grains.GetGrain<IUserGrain>(userId).GetAsync() : null;

    public Task<TelegramChatView?> ChatAsync(long chatId) => Grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(chatId)).GetAsync();

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        if (services.IsValueCreated)
        {
            await services.Value.DisposeAsync();
        }
        await Telegram.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static ServiceProvider BuildServices(TestDatabase database, FakeTelegramServer telegram)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        collection.AddGrainRuntime(database.ConnectionString, new GrainRuntimeOptions { SiloName = "bot-tests-client" }, runSiloWork: false);
        collection.AddAnomalyGrains(new NodeOptions(), new NodeClientOptions());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TELEGRAM_API_URL"] = telegram.BaseUrl.ToString() })
            .Build();
        collection.AddPaymentGrains(configuration, AppUrl, telegram.Token);
        return collection.BuildServiceProvider();
    }
}

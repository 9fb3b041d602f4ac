using System.Text.Json.Nodes;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Payments.Tests.Support;

/// <summary>
/// One real silo (silo and api roles) on a fresh database, the fake YooKassa and the fake Bot API, and this process as
/// a grain client the way the bot is. Tests take fresh users, tariffs and codes each, so they never see each other.
/// </summary>
public sealed class PaymentsFixture : IAsyncLifetime
{
    internal TestDatabase Database { get; private set; } = null!;

    internal FakeYooKassaServer YooKassa { get; } = FakeYooKassaServer.Start();

    internal FakeTelegramServer Telegram { get; } = FakeTelegramServer.Start();

    internal HostProcess Silo { get; private set; } = null!;

    internal AdminApi Admin { get; private set; } = null!;

    internal GrainClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Silo = await PaymentsSiloProcess.StartAsync(Database, YooKassa, Telegram);
        Admin = new AdminApi(Silo.BaseAddress);
        Client = GrainClient.Create(Database.ConnectionString, YooKassa, Telegram);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Client.DisposeAsync();
        await Silo.DisposeAsync();
        await YooKassa.DisposeAsync();
        await Telegram.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A user whose term ends in a day, so a purchase shows as exactly that many days more.</summary>
    internal async Task<(string UserId, DateTimeOffset ExpiresAt)> NewUserAsync(long? telegramId = null)
    {
        var user = await Admin.PostAsync("/admin/api/users", new { days = 1, telegram_id = telegramId }, System.Net.HttpStatusCode.Created);
        return (user["user_id"]!.GetValue<string>(), user["expires_at"]!.GetValue<DateTimeOffset>());
    }

    internal async Task<string> NewTariffAsync(int days = 30, decimal priceRub = 199m, int priceStars = 100) =>
        (await Admin.CreateTariffAsync(days, priceRub, priceStars))["tariff_id"]!.GetValue<string>();

    internal async Task<JsonObject> UserAsync(string userId) => await Admin.GetAsync($"/admin/api/users/{userId}");

    internal async Task<DateTimeOffset> ExpiresAtAsync(string userId) => (await UserAsync(userId))["expires_at"]!.GetValue<DateTimeOffset>();

    internal async Task<JsonObject> PaymentAsync(string paymentId) => await Admin.GetAsync($"/admin/api/payments/{paymentId}");

    internal Task<long> AuditCountAsync(string subjectType, string subjectId, string action) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_type = $1 AND subject_id = $2 AND action = $3", subjectType, subjectId, action);

    /// <summary>Waits until the silo delivered the payment to its user.</summary>
    internal Task<bool> AppliedAsync(string paymentId) =>
        Eventually.TrueAsync(async () => (await PaymentAsync(paymentId))["applied_to_user"]!.GetValue<bool>(), TimeSpan.FromSeconds(20));

    /// <summary>Waits until nothing of this payment is left in the outbox, so a late second delivery would have shown.</summary>
    internal Task<bool> OutboxDrainedAsync(string paymentId) =>
        Eventually.TrueAsync(async () => await Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE partition_key = $1", $"payment:{paymentId}") == 0, TimeSpan.FromSeconds(20));

    internal static long NewTelegramId() => Random.Shared.NextInt64(100_000_000, 9_000_000_000);
}

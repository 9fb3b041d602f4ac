using System.Net;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Payments.Tests.Support;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Payments.Tests;

/// <summary>A silo dies after a payment's success committed and before the user got it: the next silo gives it once.</summary>
public sealed class SiloCrashTests : IAsyncLifetime
{
    private readonly FakeYooKassaServer yooKassa = FakeYooKassaServer.Start();
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await yooKassa.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task SiloKilledBetweenSuccessAndExtension_ExtendsOnceAfterAnotherSiloStarts()
    {
        // The first silo hears the webhook but polls its outbox only once a minute, so the committed success waits there.
        var first = await PaymentsSiloProcess.StartAsync(database, yooKassa, telegram: null, "silo-doomed",
            new Dictionary<string, string> { ["GrainRuntime__OutboxPollInterval"] = "00:05:00" });
        using var admin = new AdminApi(first.BaseAddress);
        var user = await admin.PostAsync("/admin/api/users", new { days = 1 }, HttpStatusCode.Created);
        var (userId, expiresAt) = (user["user_id"]!.GetValue<string>(), user["expires_at"]!.GetValue<DateTimeOffset>());
        var tariffId = (await admin.CreateTariffAsync(days: 30))["tariff_id"]!.GetValue<string>();
        await using var client = GrainClient.Create(database.ConnectionString, yooKassa, telegram: null);
        var paymentId = PaymentIds.New();
        var created = await client.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.YooKassa));
        var providerId = created.Payment!.ProviderPaymentId!;
        yooKassa.Succeed(providerId);

        // The success turn commits in this process (as the bot's or another api process would), leaving the delivery to a silo.
        var paid = await client.Payment(paymentId).MarkSucceededAsync(new ProviderConfirmation(providerId, 199m, "RUB"));
        Assert.Equal(PaymentOutcome.Done, paid.Outcome);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(expiresAt, (await admin.GetAsync($"/admin/api/users/{userId}"))["expires_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, await PendingApplyAsync(paymentId));

        first.Kill();

        // As if the dead silo had been delivering it when it died: a second copy of the entry, to be delivered too.
        await database.ExecuteAsync(
            $"INSERT INTO outbox (kind, partition_key, payload, created_at, next_attempt_at) SELECT kind, partition_key, payload, now(), now() FROM outbox WHERE partition_key = 'payment:{paymentId}'");
        await using var second = await PaymentsSiloProcess.StartAsync(database, yooKassa, telegram: null, "silo-heir");
        using var heir = new AdminApi(second.BaseAddress);

        Assert.True(await Eventually.TrueAsync(async () => await PendingApplyAsync(paymentId) == 0, TimeSpan.FromSeconds(30)));
        Assert.Equal(expiresAt.AddDays(30), (await heir.GetAsync($"/admin/api/users/{userId}"))["expires_at"]!.GetValue<DateTimeOffset>());
        Assert.True((await heir.GetAsync($"/admin/api/payments/{paymentId}"))["applied_to_user"]!.GetValue<bool>());
        Assert.Equal(1, await database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'user.apply_payment'", userId));
        await first.DisposeAsync();
    }

    [Fact]
    public async Task WebhookOnAnApiProcess_WhileNoSiloRuns_IsDeliveredOnceWhenASiloStarts()
    {
        // An api-only process takes the webhook: the success commits with its outbox entry, and nobody delivers it yet.
        await using var api = await PaymentsSiloProcess.StartAsync(database, yooKassa, telegram: null, "api-only",
            new Dictionary<string, string> { ["ANOMALY_ROLES"] = "api" });
        using var admin = new AdminApi(api.BaseAddress);
        var user = await admin.PostAsync("/admin/api/users", new { days = 1 }, HttpStatusCode.Created);
        var (userId, expiresAt) = (user["user_id"]!.GetValue<string>(), user["expires_at"]!.GetValue<DateTimeOffset>());
        var tariffId = (await admin.CreateTariffAsync(days: 30))["tariff_id"]!.GetValue<string>();
        await using var client = GrainClient.Create(database.ConnectionString, yooKassa, telegram: null);
        var paymentId = PaymentIds.New();
        var providerId = (await client.Payment(paymentId).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.YooKassa))).Payment!.ProviderPaymentId!;
        yooKassa.Succeed(providerId);

        var response = await admin.PostWebhookAsync(yooKassa.BuildNotification("payment.succeeded", providerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("succeeded", (string?)(await admin.GetAsync($"/admin/api/payments/{paymentId}"))["status"]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(expiresAt, (await admin.GetAsync($"/admin/api/users/{userId}"))["expires_at"]!.GetValue<DateTimeOffset>());

        api.Kill();
        await using var silo = await PaymentsSiloProcess.StartAsync(database, yooKassa, telegram: null, "silo-late");
        using var late = new AdminApi(silo.BaseAddress);

        Assert.True(await Eventually.TrueAsync(
            async () => (await late.GetAsync($"/admin/api/payments/{paymentId}"))["applied_to_user"]!.GetValue<bool>(), TimeSpan.FromSeconds(30)));
        Assert.Equal(expiresAt.AddDays(30), (await late.GetAsync($"/admin/api/users/{userId}"))["expires_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, await database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'user.apply_payment'", userId));
    }

    private Task<long> PendingApplyAsync(string paymentId) =>
        database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE kind = 'payment.apply' AND partition_key = $1", $"payment:{paymentId}");
}

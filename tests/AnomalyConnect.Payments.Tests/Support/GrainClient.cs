using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains;
using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Payments;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Integrations.Telegram;
using AnomalyConnect.Integrations.YooKassa;
using AnomalyConnect.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Payments.Tests.Support;

/// <summary>
/// This test process as another process of the cluster that calls grains but runs no silo work (no outbox delivery,
/// no timers) — the way the bot process calls IPaymentGrain.
/// </summary>
internal sealed class GrainClient : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private GrainClient(ServiceProvider services) => this.services = services;

    public IGrainFactory Grains => services.GetRequiredService<IGrainFactory>();

    public ICatalog Catalog => services.GetRequiredService<ICatalog>();

    public IPaymentDirectory Payments => services.GetRequiredService<IPaymentDirectory>();

    public static GrainClient Create(string connectionString, FakeYooKassaServer? yooKassa, FakeTelegramServer? telegram, TimeSpan? pendingTimeout = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddGrainRuntime(connectionString, new GrainRuntimeOptions { SiloName = "test-client-" + Guid.NewGuid().ToString("N")[..8] }, runSiloWork: false);
        collection.AddAnomalyGrains(new NodeOptions(), new NodeClientOptions());
        collection.AddPaymentGrains(new PaymentOptions
        {
            YooKassa = yooKassa is null ? null : new YooKassaOptions { ShopId = yooKassa.ShopId, SecretKey = yooKassa.SecretKey, BaseUrl = yooKassa.BaseUrl },
            YooKassaReturnUrl = new Uri("https://vpn.example.test/paid"),
            TelegramPaymentsEnabled = true,
            Bot = telegram is null ? null : new TelegramBotOptions { Token = telegram.Token, BaseUrl = telegram.BaseUrl },
            PendingTimeout = pendingTimeout ?? PaymentOptions.DefaultPendingTimeout,
            ProviderTimeout = TimeSpan.FromSeconds(5),
        });
        return new GrainClient(collection.BuildServiceProvider());
    }

    public IPaymentGrain Payment(string paymentId) => Grains.GetGrain<IPaymentGrain>(paymentId);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

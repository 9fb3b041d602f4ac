using AnomalyConnect.Integrations.YooKassa;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Providers.Tests.YooKassa;

/// <summary>A fresh fake YooKassa and a real client pointed at it.</summary>
internal sealed class YooKassaHarness : IAsyncDisposable
{
    private readonly HttpClient http;

    private YooKassaHarness(FakeYooKassaServer server, string secretKey, TimeSpan timeout)
    {
        Server = server;
        http = new HttpClient { Timeout = timeout };
        Client = new YooKassaClient(http, new YooKassaOptions { BaseUrl = server.BaseUrl, ShopId = server.ShopId, SecretKey = secretKey });
    }

    public FakeYooKassaServer Server { get; }

    public YooKassaClient Client { get; }

    public static YooKassaHarness Start(string? clientSecretKey = null, TimeSpan? timeout = null)
    {
        var server = FakeYooKassaServer.Start();
        return new YooKassaHarness(server, clientSecretKey ?? server.SecretKey, timeout ?? TimeSpan.FromSeconds(10));
    }

    public static CreatePaymentRequest Tariff(decimal rubles = 199m, Receipt? receipt = null) => new()
    {
        Amount = Amount.Rubles(rubles),
        Confirmation = Confirmation.Redirect("https://t.me/anomaly_bot"),
        Description = "Anomaly Connect, 30 days",
        Metadata = new Dictionary<string, string> { ["payment_id"] = "pay-1", ["user_id"] = "user-1" },
        Receipt = receipt,
    };

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
    }
}

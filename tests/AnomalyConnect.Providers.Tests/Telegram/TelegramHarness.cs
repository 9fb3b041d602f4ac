using AnomalyConnect.Integrations.Telegram;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Providers.Tests.Telegram;

/// <summary>A fresh fake Bot API and a real client pointed at it.</summary>
internal sealed class TelegramHarness : IAsyncDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private TelegramHarness(FakeTelegramServer server, string token)
    {
        Server = server;
        Client = new TelegramBotClient(http, new TelegramBotOptions { BaseUrl = server.BaseUrl, Token = token });
    }

    public FakeTelegramServer Server { get; }

    public TelegramBotClient Client { get; }

    public static TelegramHarness Start(string? clientToken = null)
    {
        var server = FakeTelegramServer.Start();
        return new TelegramHarness(server, clientToken ?? server.Token);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Testing.Kestrel;

/// <summary>A Kestrel app on a free 127.0.0.1 port, for fake node endpoints; disposing stops it.</summary>
public sealed class LoopbackKestrel : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackKestrel(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<LoopbackKestrel> StartAsync(
        Action<WebApplication> map, HttpProtocols protocols, Action<HttpsConnectionAdapterOptions>? https = null)
    {
        var port = AnomalyConnect.Testing.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = protocols;
            if (https is not null)
            {
                listen.UseHttps(https);
            }
        }));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackKestrel(app, new Uri($"{(https is null ? "http" : "https")}://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }
}

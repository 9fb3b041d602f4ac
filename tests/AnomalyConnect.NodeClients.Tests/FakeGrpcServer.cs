using AnomalyConnect.Testing.Hysteria2;
using AnomalyConnect.Testing.Kestrel;
using System.Collections.Concurrent;
using AnomalyConnect.Integrations.Xray;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>
/// A loopback Kestrel HTTP/2 server standing in for a node's gRPC API: records every call, answers with the given behaviour.
/// </summary>
internal sealed class FakeGrpcServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedGrpcCall> calls = new();
    private LoopbackKestrel? kestrel;

    public IReadOnlyList<RecordedGrpcCall> Calls => [.. calls];

    public Uri Url => kestrel?.Url ?? throw new InvalidOperationException("Not started.");

    public XrayEndpoint Endpoint(XrayFlavor flavor) => new(Url, flavor);

    /// <summary>Starts a server; <paramref name="answer"/> gets the context and the request message bytes.</summary>
    public static async Task<FakeGrpcServer> StartAsync(
        Func<HttpContext, byte[], Task> answer, Action<HttpsConnectionAdapterOptions>? https = null)
    {
        var server = new FakeGrpcServer();
        server.kestrel = await LoopbackKestrel.StartAsync(
            app => app.MapPost("/{**path}", async context =>
            {
                var message = await GrpcReplies.ReadRequestAsync(context);
                server.calls.Enqueue(new RecordedGrpcCall(
                    context.Request.Path.Value ?? string.Empty,
                    context.Request.ContentType,
                    context.Request.Headers.TE.ToString(),
                    context.Request.Protocol,
                    message));
                await answer(context, message);
            }),
            HttpProtocols.Http2,
            https);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (kestrel is not null)
        {
            await kestrel.DisposeAsync();
        }
    }
}

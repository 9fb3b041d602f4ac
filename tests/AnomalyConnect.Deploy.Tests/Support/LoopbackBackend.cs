using System.Collections.Concurrent;
using AnomalyConnect.Testing.Kestrel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>A loopback Kestrel (HTTP/1.1) standing behind nginx: records every request, headers included, and answers with the handler.</summary>
public sealed class LoopbackBackend : IAsyncDisposable
{
    private readonly LoopbackKestrel kestrel;
    private readonly ConcurrentQueue<RecordedRequest> requests;

    private LoopbackBackend(LoopbackKestrel kestrel, ConcurrentQueue<RecordedRequest> requests)
    {
        this.kestrel = kestrel;
        this.requests = requests;
    }

    public int Port => kestrel.Url.Port;

    public IReadOnlyCollection<RecordedRequest> Requests => requests.ToArray();

    public static async Task<LoopbackBackend> StartAsync(Func<HttpContext, Task> handler)
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        var kestrel = await LoopbackKestrel.StartAsync(
            app => app.Run(async context =>
            {
                requests.Enqueue(new RecordedRequest(
                    context.Request.Method,
                    context.Request.Path.Value ?? string.Empty,
                    context.Request.QueryString.Value ?? string.Empty,
                    context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
                await handler(context);
            }),
            HttpProtocols.Http1);
        return new LoopbackBackend(kestrel, requests);
    }

    /// <summary>Answers 200 with a short text body naming the path.</summary>
    public static Task<LoopbackBackend> StartEchoAsync() =>
        StartAsync(context => context.Response.WriteAsync("backend:" + context.Request.Path));

    public ValueTask DisposeAsync() => kestrel.DisposeAsync();
}

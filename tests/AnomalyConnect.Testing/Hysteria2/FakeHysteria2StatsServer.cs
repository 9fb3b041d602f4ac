using AnomalyConnect.Testing.Kestrel;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AnomalyConnect.Testing.Hysteria2;

/// <summary>
/// Hysteria2's traffic stats API as documented (notes/xray-api.md), on loopback Kestrel: the bare secret as the
/// Authorization header, GET /traffic (and ?clear=1), POST /kick with a JSON array of ids (recorded), GET /online.
/// </summary>
public sealed class FakeHysteria2StatsServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (long Tx, long Rx)> traffic = new();
    private readonly ConcurrentDictionary<string, int> online = new();
    private readonly ConcurrentQueue<string[]> kicks = new();
    private readonly ConcurrentQueue<string> requests = new();
    private LoopbackKestrel? kestrel;

    private FakeHysteria2StatsServer(string secret) => Secret = secret;

    public string Secret { get; }

    public Uri Url => kestrel?.Url ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every request as "METHOD /path?query".</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    public IReadOnlyList<string[]> Kicks => [.. kicks];

    /// <summary>The raw reply of GET /traffic when set, to serve malformed JSON.</summary>
    public string? TrafficOverride { get; set; }

    public static async Task<FakeHysteria2StatsServer> StartAsync(string secret)
    {
        var server = new FakeHysteria2StatsServer(secret);
        server.kestrel = await LoopbackKestrel.StartAsync(server.Map, HttpProtocols.Http1);
        return server;
    }

    public void SetTraffic(string id, long tx, long rx) => traffic[id] = (tx, rx);

    public void SetOnline(string id, int devices) => online[id] = devices;

    public async ValueTask DisposeAsync()
    {
        if (kestrel is not null)
        {
            await kestrel.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Headers.Authorization.ToString() != Secret)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("unauthorized");
                return;
            }
            await next(context);
        });
        app.MapGet("/traffic", (HttpContext context) =>
        {
            if (TrafficOverride is not null)
            {
                return Results.Text(TrafficOverride, "application/json");
            }
            var body = traffic.ToDictionary(entry => entry.Key, entry => new Dictionary<string, long>
            {
                ["tx"] = entry.Value.Tx,
                ["rx"] = entry.Value.Rx,
            });
            if (context.Request.Query.ContainsKey("clear"))
            {
                traffic.Clear();
            }
            return Results.Text(JsonSerializer.Serialize(body), "application/json");
        });
        app.MapPost("/kick", async (HttpContext context) =>
        {
            var ids = await JsonSerializer.DeserializeAsync<string[]>(context.Request.Body, cancellationToken: context.RequestAborted);
            if (ids is null)
            {
                return Results.BadRequest();
            }
            kicks.Enqueue(ids);
            foreach (var id in ids)
            {
                online.TryRemove(id, out _);
            }
            return Results.Ok();
        });
        app.MapGet("/online", () => Results.Text(JsonSerializer.Serialize(online.ToDictionary()), "application/json"));
    }
}

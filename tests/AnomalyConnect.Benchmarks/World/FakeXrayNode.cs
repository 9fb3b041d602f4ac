using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using AnomalyConnect.Integrations.Xray.Protos.Proxyman;
using AnomalyConnect.Integrations.Xray.Protos.Stats;
using AnomalyConnect.Testing.Kestrel;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AnomalyConnect.Benchmarks.World;

/// <summary>
/// A loopback node that speaks v2ray 4.x's gRPC API over HTTP/2 (GetSysStats, QueryStats, AlterInbound add/remove) for
/// the nodes beyond the first real one. Every user it holds has traffic counters that grow at each QueryStats, as a
/// busy node's would; counters survive a user's removal, as in Xray.
/// </summary>
public sealed class FakeXrayNode : IAsyncDisposable
{
    private const string StatsPath = "/v2ray.core.app.stats.command.StatsService/";
    private const string HandlerPath = "/v2ray.core.app.proxyman.command.HandlerService/AlterInbound";
    private readonly ConcurrentDictionary<string, UserCounters> users = new(StringComparer.Ordinal);
    private readonly Stopwatch uptime = Stopwatch.StartNew();
    private LoopbackKestrel? kestrel;
    private long queries;

    public Uri ApiUrl => kestrel?.Url ?? throw new InvalidOperationException("Not started.");

    /// <summary>Users the node holds now.</summary>
    public int UserCount => users.Values.Count(u => u.Present);

    public long Queries => Interlocked.Read(ref queries);

    public static async Task<FakeXrayNode> StartAsync()
    {
        var node = new FakeXrayNode();
        node.kestrel = await LoopbackKestrel.StartAsync(
            app => app.MapPost("/{**path}", node.AnswerAsync),
            HttpProtocols.Http2);
        return node;
    }

    /// <summary>Users that were pushed before (seeded straight into the database with their node_members rows).</summary>
    public void Preload(IEnumerable<string> emails)
    {
        foreach (var email in emails)
        {
            users.GetOrAdd(email, _ => new UserCounters()).Present = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (kestrel is not null)
        {
            await kestrel.DisposeAsync();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = await ReadFrameAsync(context);
        var path = context.Request.Path.Value ?? "";
        IMessage reply = path switch
        {
            StatsPath + "GetSysStats" => new SysStatsResponse { Uptime = (uint)uptime.Elapsed.TotalSeconds + 1 },
            StatsPath + "QueryStats" => Query(),
            HandlerPath => Alter(AlterInboundRequest.Parser.ParseFrom(request)),
            _ => new AlterInboundResponse(),
        };
        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer("grpc-status", "0");
        var body = reply.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)body.Length);
        body.CopyTo(frame, 5);
        await context.Response.Body.WriteAsync(frame);
    }

    private QueryStatsResponse Query()
    {
        Interlocked.Increment(ref queries);
        var response = new QueryStatsResponse();
        foreach (var (email, counters) in users)
        {
            if (counters.Present)
            {
                counters.Grow(email);
            }
            response.Stat.Add(new Stat { Name = $"user>>>{email}>>>traffic>>>uplink", Value = counters.Up });
            response.Stat.Add(new Stat { Name = $"user>>>{email}>>>traffic>>>downlink", Value = counters.Down });
        }
        return response;
    }

    private AlterInboundResponse Alter(AlterInboundRequest request)
    {
        var type = request.Operation.Type;
        if (type.EndsWith("AddUserOperation", StringComparison.Ordinal))
        {
            var email = AddUserOperation.Parser.ParseFrom(request.Operation.Value).User.Email;
            users.GetOrAdd(email, _ => new UserCounters()).Present = true;
        }
        else if (type.EndsWith("RemoveUserOperation", StringComparison.Ordinal)
            && users.TryGetValue(RemoveUserOperation.Parser.ParseFrom(request.Operation.Value).Email, out var counters))
        {
            counters.Present = false;
        }
        return new AlterInboundResponse();
    }

    private static async Task<byte[]> ReadFrameAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        return body.Length >= 5 ? body[5..] : [];
    }

    private sealed class UserCounters
    {
        public volatile bool Present;
        public long Up;
        public long Down;

        /// <summary>A few KB up and some tens of KB down per poll, different per user.</summary>
        public void Grow(string email)
        {
            var spread = (email.GetHashCode() & 0x3FF) + 1;
            Up += 1_000 + spread;
            Down += 20_000 + (spread * 16);
        }
    }
}

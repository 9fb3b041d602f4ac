using AnomalyConnect.Integrations.Xray;
using AnomalyConnect.Integrations.Xray.Protos.Proxyman;
using AnomalyConnect.Integrations.Xray.Protos.Stats;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using HysteriaAccount = AnomalyConnect.Integrations.Xray.Protos.Hysteria.Account;
using VlessAccount = AnomalyConnect.Integrations.Xray.Protos.Vless.Account;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>What the Xray API client puts on the wire, per flavor, checked on a fake gRPC server (there is no real Xray here).</summary>
public sealed class XrayApiClientWireTests : IDisposable
{
    private readonly HttpClient http = new(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(20));

    private CancellationToken Ct => timeout.Token;

    public void Dispose()
    {
        http.Dispose();
        timeout.Dispose();
    }

    [Fact]
    public async Task AddVlessUserAsync_WithXrayFlavor_SendsXrayMethodAndTypeNames()
    {
        await using var server = await FakeGrpcServer.StartAsync((context, _) => GrpcReplies.OkAsync(context, new AlterInboundResponse()));
        var uuid = Guid.NewGuid().ToString();

        await new XrayApiClient(http).AddVlessUserAsync(
            server.Endpoint(XrayFlavor.Xray), "vless-reality", "a@test", uuid, "xtls-rprx-vision", Ct);

        var call = Assert.Single(server.Calls);
        Assert.Equal("/xray.app.proxyman.command.HandlerService/AlterInbound", call.Path);
        Assert.Equal("application/grpc", call.ContentType);
        Assert.Equal("trailers", call.Te);
        Assert.Equal("HTTP/2", call.Protocol);
        var request = AlterInboundRequest.Parser.ParseFrom(call.Message);
        Assert.Equal("vless-reality", request.Tag);
        Assert.Equal("xray.app.proxyman.command.AddUserOperation", request.Operation.Type);
        var user = AddUserOperation.Parser.ParseFrom(request.Operation.Value).User;
        Assert.Equal("a@test", user.Email);
        Assert.Equal(0u, user.Level);
        Assert.Equal("xray.proxy.vless.Account", user.Account.Type);
        var account = VlessAccount.Parser.ParseFrom(user.Account.Value);
        Assert.Equal((uuid, "xtls-rprx-vision", "none"), (account.Id, account.Flow, account.Encryption));
    }

    [Fact]
    public async Task AddVlessUserAsync_WithV2rayFlavor_SendsV2rayMethodAndTypeNames()
    {
        await using var server = await FakeGrpcServer.StartAsync((context, _) => GrpcReplies.OkAsync(context, new AlterInboundResponse()));

        await new XrayApiClient(http).AddVlessUserAsync(
            server.Endpoint(XrayFlavor.V2ray), "vless-in", "b@test", Guid.NewGuid().ToString(), flow: null, Ct);

        var call = Assert.Single(server.Calls);
        Assert.Equal("/v2ray.core.app.proxyman.command.HandlerService/AlterInbound", call.Path);
        var request = AlterInboundRequest.Parser.ParseFrom(call.Message);
        Assert.Equal("v2ray.core.app.proxyman.command.AddUserOperation", request.Operation.Type);
        var user = AddUserOperation.Parser.ParseFrom(request.Operation.Value).User;
        Assert.Equal("v2ray.core.proxy.vless.Account", user.Account.Type);
        Assert.Equal(string.Empty, VlessAccount.Parser.ParseFrom(user.Account.Value).Flow);
    }

    [Fact]
    public async Task AddHysteriaUserAsync_WithXrayFlavor_SendsHysteriaAccount()
    {
        await using var server = await FakeGrpcServer.StartAsync((context, _) => GrpcReplies.OkAsync(context, new AlterInboundResponse()));

        await new XrayApiClient(http).AddHysteriaUserAsync(server.Endpoint(XrayFlavor.Xray), "hy2-in", "c@test", "s3cret-auth", Ct);

        var request = AlterInboundRequest.Parser.ParseFrom(Assert.Single(server.Calls).Message);
        Assert.Equal("hy2-in", request.Tag);
        var user = AddUserOperation.Parser.ParseFrom(request.Operation.Value).User;
        Assert.Equal("xray.proxy.hysteria.account.Account", user.Account.Type);
        Assert.Equal("s3cret-auth", HysteriaAccount.Parser.ParseFrom(user.Account.Value).Auth);
    }

    [Fact]
    public async Task AddHysteriaUserAsync_WithV2rayFlavor_ThrowsNotSupported()
    {
        var endpoint = new XrayEndpoint(new Uri("http://127.0.0.1:1"), XrayFlavor.V2ray);

        await Assert.ThrowsAsync<NotSupportedException>(
            () => new XrayApiClient(http).AddHysteriaUserAsync(endpoint, "hy2-in", "c@test", "auth", Ct));
    }

    [Fact]
    public async Task RemoveUserAsync_WithXrayFlavor_SendsRemoveOperation()
    {
        await using var server = await FakeGrpcServer.StartAsync((context, _) => GrpcReplies.OkAsync(context, new AlterInboundResponse()));

        await new XrayApiClient(http).RemoveUserAsync(server.Endpoint(XrayFlavor.Xray), "vless-reality", "d@test", Ct);

        var request = AlterInboundRequest.Parser.ParseFrom(Assert.Single(server.Calls).Message);
        Assert.Equal("xray.app.proxyman.command.RemoveUserOperation", request.Operation.Type);
        Assert.Equal("d@test", RemoveUserOperation.Parser.ParseFrom(request.Operation.Value).Email);
    }

    [Fact]
    public async Task RemoveUserAsync_WhenCoreSaysUserNotFound_Succeeds()
    {
        await using var server = await FakeGrpcServer.StartAsync(
            (context, _) => GrpcReplies.ErrorAsync(context, 2, "xray/proxy/vless: User ünï@test not found."));

        await new XrayApiClient(http).RemoveUserAsync(server.Endpoint(XrayFlavor.Xray), "vless-reality", "ünï@test", Ct);
    }

    [Fact]
    public async Task RemoveUserAsync_WhenCoreSaysHandlerNotFound_ThrowsXrayApiException()
    {
        await using var server = await FakeGrpcServer.StartAsync(
            (context, _) => GrpcReplies.ErrorAsync(context, 2, "failed to get handler: user-in > handler not found: user-in"));

        var error = await Assert.ThrowsAsync<XrayApiException>(
            () => new XrayApiClient(http).RemoveUserAsync(server.Endpoint(XrayFlavor.Xray), "user-in", "e@test", Ct));

        Assert.Equal(2, error.GrpcStatus);
        Assert.Equal("failed to get handler: user-in > handler not found: user-in", error.Message);
    }

    [Fact]
    public async Task AddVlessUserAsync_WhenCoreQuotesTheUuid_RedactsItFromTheMessage()
    {
        const string BadUuid = "not-a-uuid-but-secret";
        await using var server = await FakeGrpcServer.StartAsync(
            (context, _) => GrpcReplies.ErrorAsync(context, 2, $"failed to parse user > invalid UUID: {BadUuid}"));

        var error = await Assert.ThrowsAsync<XrayApiException>(() => new XrayApiClient(http).AddVlessUserAsync(
            server.Endpoint(XrayFlavor.Xray), "vless-reality", "f@test", BadUuid, flow: null, Ct));

        Assert.DoesNotContain(BadUuid, error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid UUID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryUserTrafficAsync_WhenCoreAnswersCounters_ParsesPerEmailAndAsksWithoutReset()
    {
        var reply = new QueryStatsResponse
        {
            Stat =
            {
                new Stat { Name = "user>>>a@test>>>traffic>>>uplink", Value = 10 },
                new Stat { Name = "user>>>a@test>>>traffic>>>downlink", Value = 2_000_000_000_000 },
                new Stat { Name = "user>>>only-down@test>>>traffic>>>downlink", Value = 7 },
                new Stat { Name = "inbound>>>vless-in>>>traffic>>>uplink", Value = 99 },
                new Stat { Name = "user>>>>>>traffic>>>uplink", Value = 5 },
            },
        };
        await using var server = await FakeGrpcServer.StartAsync((context, _) => GrpcReplies.OkAsync(context, reply));

        var traffic = await new XrayApiClient(http).QueryUserTrafficAsync(server.Endpoint(XrayFlavor.Xray), Ct);

        Assert.Equal(2, traffic.Count);
        Assert.Equal(new XrayUserTraffic(10, 2_000_000_000_000), traffic["a@test"]);
        Assert.Equal(new XrayUserTraffic(0, 7), traffic["only-down@test"]);
        var call = Assert.Single(server.Calls);
        Assert.Equal("/xray.app.stats.command.StatsService/QueryStats", call.Path);
        var request = QueryStatsRequest.Parser.ParseFrom(call.Message);
        Assert.Equal(("user>>>", false), (request.Pattern, request.Reset));
    }

    [Fact]
    public async Task GetSystemStatsAsync_WhenApiUrlHasPath_KeepsItAsPrefix()
    {
        await using var server = await FakeGrpcServer.StartAsync(
            (context, _) => GrpcReplies.OkAsync(context, new SysStatsResponse { Uptime = 42, NumGoroutine = 3 }));
        var endpoint = new XrayEndpoint(new Uri(server.Url, "/node-eu-1/xray/"), XrayFlavor.Xray);

        var stats = await new XrayApiClient(http).GetSystemStatsAsync(endpoint, Ct);

        Assert.Equal((42u, 3u), (stats.UptimeSeconds, stats.NumGoroutine));
        Assert.Equal("/node-eu-1/xray/xray.app.stats.command.StatsService/GetSysStats", Assert.Single(server.Calls).Path);
    }

    public static TheoryData<string, int> GarbageReplies => new()
    {
        { "junk-body", 13 },
        { "html", 13 },
        { "bad-protobuf", 13 },
        { "no-grpc-status", 13 },
        { "compressed-flag", 13 },
        { "length-mismatch", 13 },
        { "empty-body", 13 },
        { "http-404", 12 },
        { "http-502", 14 },
        { "http-500", 2 },
    };

    [Theory]
    [MemberData(nameof(GarbageReplies))]
    public async Task GetSystemStatsAsync_WhenServerAnswersGarbage_ThrowsXrayApiException(string garbage, int expectedStatus)
    {
        await using var server = await FakeGrpcServer.StartAsync((context, _) => AnswerGarbageAsync(context, garbage));

        var error = await Assert.ThrowsAsync<XrayApiException>(
            () => new XrayApiClient(http).GetSystemStatsAsync(server.Endpoint(XrayFlavor.Xray), Ct));

        Assert.Equal(expectedStatus, error.GrpcStatus);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static async Task AnswerGarbageAsync(HttpContext context, string garbage)
    {
        var response = context.Response;
        switch (garbage)
        {
            case "junk-body":
                response.ContentType = "application/grpc";
                response.AppendTrailer("grpc-status", "0");
                await response.Body.WriteAsync("\u00ff\u00fe this is not a frame"u8.ToArray());
                break;
            case "html":
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body>Welcome to nginx!</body></html>");
                break;
            case "bad-protobuf":
                response.ContentType = "application/grpc";
                response.AppendTrailer("grpc-status", "0");
                await response.Body.WriteAsync(GrpcReplies.Frame([0x0A, 0xFF, 0xFF, 0xFF]));
                break;
            case "no-grpc-status":
                response.ContentType = "application/grpc";
                await response.Body.WriteAsync(GrpcReplies.Frame(new SysStatsResponse { Uptime = 1 }.ToByteArray()));
                break;
            case "compressed-flag":
                response.ContentType = "application/grpc";
                response.AppendTrailer("grpc-status", "0");
                await response.Body.WriteAsync(GrpcReplies.Frame(new SysStatsResponse { Uptime = 1 }.ToByteArray(), flag: 1));
                break;
            case "length-mismatch":
                response.ContentType = "application/grpc";
                response.AppendTrailer("grpc-status", "0");
                await response.Body.WriteAsync(GrpcReplies.Frame(new SysStatsResponse { Uptime = 1 }.ToByteArray(), announcedLength: 1000));
                break;
            case "empty-body":
                response.ContentType = "application/grpc";
                response.AppendTrailer("grpc-status", "0");
                break;
            case "http-404":
                response.StatusCode = 404;
                break;
            case "http-502":
                response.StatusCode = 502;
                response.ContentType = "text/html";
                await response.WriteAsync("<html>502 Bad Gateway</html>");
                break;
            case "http-500":
                response.StatusCode = 500;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(garbage), garbage, null);
        }
    }
}

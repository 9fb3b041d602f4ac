using System.Net;
using System.Net.Http.Headers;

namespace AnomalyConnect.Testing.V2ray;

/// <summary>
/// A real v2ray 4.x node on 127.0.0.1: a gRPC API (HandlerService, StatsService) behind a dokodemo-door inbound
/// <see cref="ApiInboundTag"/> and an empty VLESS inbound <see cref="InboundTag"/> over plain TCP, user stats on.
/// Users are only ever added through the API, so a restart empties the node, as a real core restart does.
/// Disposing kills the process and deletes its directory. Point the clients at <see cref="ApiUrl"/> with the V2ray flavor.
/// </summary>
public sealed class V2rayServerNode : IAsyncDisposable
{
    public const string ApiInboundTag = "api-in";
    public const string VlessInboundTag = "vless-in";
    private const int StartAttempts = 3;
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(15);

    private readonly DirectoryInfo directory;
    private V2rayProcess? process;

    private V2rayServerNode(DirectoryInfo directory, int apiPort, int vlessPort)
    {
        this.directory = directory;
        ApiPort = apiPort;
        VlessPort = vlessPort;
        File.WriteAllText(ConfigPath, V2rayConfigs.Server(apiPort, ApiInboundTag, vlessPort, VlessInboundTag));
    }

    public int ApiPort { get; }

    public int VlessPort { get; }

    /// <summary>The VLESS inbound's tag, the one users are added to.</summary>
    public string InboundTag => VlessInboundTag;

    /// <summary><c>http://127.0.0.1:{ApiPort}</c>: HTTP/2 cleartext with prior knowledge.</summary>
    public Uri ApiUrl => new($"http://127.0.0.1:{ApiPort}");

    public string ConfigPath => Path.Combine(directory.FullName, "server.json");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>What v2ray printed (bounded), for assertion messages.</summary>
    public string Output => process?.Output ?? string.Empty;

    /// <summary>Starts a node on fresh ports and returns once its API answers.</summary>
    public static async Task<V2rayServerNode> StartAsync(CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (apiPort, vlessPort) = TwoFreePorts();
            var node = new V2rayServerNode(Directory.CreateTempSubdirectory("v2ray-node-"), apiPort, vlessPort);
            try
            {
                await node.LaunchAsync(ct);
                return node;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Most likely another process took one of the free ports between FreePort.Next() and v2ray's bind.
                await node.DisposeAsync();
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills the core (if running) and starts it again on the same ports with no users and zeroed counters.</summary>
    public async Task RestartEmptyAsync(CancellationToken ct = default)
    {
        Kill();
        await LaunchAsync(ct);
    }

    /// <summary>Stops the core gracefully (SIGTERM, then SIGKILL after 5 s).</summary>
    public void Stop() => process?.Stop(TimeSpan.FromSeconds(5));

    /// <summary>Kills the core at once (SIGKILL), as a crash would.</summary>
    public void Kill() => process?.Kill();

    public ValueTask DisposeAsync()
    {
        process?.Dispose();
        process = null;
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
        return ValueTask.CompletedTask;
    }

    private static (int First, int Second) TwoFreePorts()
    {
        var first = FreePort.Next();
        for (var i = 0; i < 10; i++)
        {
            var second = FreePort.Next();
            if (second != first)
            {
                return (first, second);
            }
        }
        throw new InvalidOperationException("Could not find two distinct free loopback ports.");
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        process?.Dispose();
        process = V2rayProcess.Start(ConfigPath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var running = process;
        var ready = await Eventually.TrueAsync(
            async () => running.HasExited || await ApiAnswersAsync(http, ct),
            ReadyWithin,
            TimeSpan.FromMilliseconds(50));
        if (!ready || running.HasExited)
        {
            var output = running.Output;
            running.Kill();
            throw new InvalidOperationException(
                $"v2ray did not start serving its API on 127.0.0.1:{ApiPort} (VLESS port {VlessPort}). Output:\n{output}");
        }
    }

    /// <summary>A raw unary GetSysStats: the harness must not depend on the client it is used to test.</summary>
    private async Task<bool> ApiAnswersAsync(HttpClient http, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ApiUrl, "/v2ray.core.app.stats.command.StatsService/GetSysStats"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]), // an empty message in a gRPC frame
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.OK
                && response.TrailingHeaders.TryGetValues("grpc-status", out var status)
                && status.FirstOrDefault() == "0";
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}

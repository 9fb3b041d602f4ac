using System.Net;
using System.Net.Sockets;

namespace AnomalyConnect.Testing.V2ray;

/// <summary>
/// A second v2ray acting as a user's VLESS client: a SOCKS5 inbound on 127.0.0.1 whose traffic goes, as one fixed user,
/// to a node's VLESS inbound. Disposing kills the process and deletes its directory.
/// </summary>
public sealed class V2rayVlessClient : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(15);

    private readonly DirectoryInfo directory;
    private readonly V2rayProcess process;

    private V2rayVlessClient(DirectoryInfo directory, V2rayProcess process, int socksPort, string uuid)
    {
        this.directory = directory;
        this.process = process;
        SocksPort = socksPort;
        Uuid = uuid;
    }

    public int SocksPort { get; }

    public string Uuid { get; }

    public Uri SocksProxy => new($"socks5://127.0.0.1:{SocksPort}");

    public string Output => process.Output;

    /// <summary>Starts a client for user <paramref name="uuid"/> of the VLESS inbound on 127.0.0.1:<paramref name="serverPort"/>.</summary>
    public static async Task<V2rayVlessClient> StartAsync(int serverPort, string uuid, CancellationToken ct = default)
    {
        var directory = Directory.CreateTempSubdirectory("v2ray-client-");
        var socksPort = FreePort.Next();
        var configPath = Path.Combine(directory.FullName, "client.json");
        await File.WriteAllTextAsync(configPath, V2rayConfigs.VlessClient(socksPort, serverPort, uuid), ct);
        var client = new V2rayVlessClient(directory, V2rayProcess.Start(configPath), socksPort, uuid);
        var ready = await Eventually.TrueAsync(
            async () => client.process.HasExited || await AcceptsAsync(socksPort, ct),
            ReadyWithin,
            TimeSpan.FromMilliseconds(50));
        if (!ready || client.process.HasExited)
        {
            var output = client.Output;
            await client.DisposeAsync();
            throw new InvalidOperationException($"The v2ray VLESS client did not listen on 127.0.0.1:{socksPort}. Output:\n{output}");
        }
        return client;
    }

    /// <summary>
    /// An HttpClient whose every request goes through the tunnel on a new connection (Connection: close, no pooling), so a
    /// request made after the user's removal really opens a new VLESS connection.
    /// </summary>
    public HttpClient CreateHttpClient(TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            Proxy = new WebProxy(SocksProxy),
            UseProxy = true,
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        var http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.ConnectionClose = true;
        return http;
    }

    public ValueTask DisposeAsync()
    {
        process.Dispose();
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

    private static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

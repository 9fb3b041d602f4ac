using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>
/// An HTTP/1.1 responder on 127.0.0.1 that answers <see cref="Body"/> to any request whatever its Host header, so a page
/// can be asked for as <c>localhost</c> too (HttpListener refuses hosts outside its prefix). Counts the answers.
/// </summary>
internal sealed class AnyHostHttpServer : IAsyncDisposable
{
    public const string Body = "ok";

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;
    private int answered;

    private AnyHostHttpServer(TcpListener listener)
    {
        this.listener = listener;
        serving = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Answered => Volatile.Read(ref answered);

    public static AnyHostHttpServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new AnyHostHttpServer(listener);
    }

    public Uri Url(string host) => new($"http://{host}:{Port}/");

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await serving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                var response = $"HTTP/1.1 200 OK\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n{Body}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stopping.Token);
                Interlocked.Increment(ref answered);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The tunnel dropped the connection: nothing was answered.
            }
        }
    }
}

using System.Globalization;
using System.Net;

namespace AnomalyConnect.Testing.V2ray;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 to fetch through a tunnel: <c>GET /page</c> answers
/// <see cref="DefaultPageBytes"/> bytes, <c>GET /page?size=N</c> N bytes (at most <see cref="MaxPageBytes"/>); anything else 404.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    public const int DefaultPageBytes = 64 * 1024;
    public const int MaxPageBytes = 64 * 1024 * 1024;
    private const int StartAttempts = 3;

    private readonly HttpListener listener;
    private readonly Task serving;
    private int pagesServed;

    private LoopbackHttpServer(HttpListener listener, int port)
    {
        this.listener = listener;
        Port = port;
        serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>How many pages were answered in full so far.</summary>
    public int PagesServed => Volatile.Read(ref pagesServed);

    public static LoopbackHttpServer Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < StartAttempts)
            {
                listener.Close();
            }
        }
    }

    /// <summary>The URL of a page of <paramref name="bytes"/> bytes.</summary>
    public Uri PageUrl(int bytes = DefaultPageBytes) =>
        new(BaseAddress, $"/page?size={bytes.ToString(CultureInfo.InvariantCulture)}");

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod != "GET" || context.Request.Url?.AbsolutePath != "/page"
                || !TryReadSize(context.Request.QueryString["size"], out var size))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }
            response.ContentType = "application/octet-stream";
            response.ContentLength64 = size;
            var chunk = new byte[Math.Min(size, 64 * 1024)];
            Array.Fill(chunk, (byte)'a');
            for (var left = size; left > 0; left -= chunk.Length)
            {
                await response.OutputStream.WriteAsync(chunk.AsMemory(0, Math.Min(left, chunk.Length)));
            }
            response.Close();
            Interlocked.Increment(ref pagesServed);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            response.Abort(); // the client went away or we are stopping
        }
    }

    private static bool TryReadSize(string? text, out int size)
    {
        if (text is null)
        {
            size = DefaultPageBytes;
            return true;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size <= MaxPageBytes;
    }
}

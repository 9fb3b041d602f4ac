using System.Collections.Concurrent;
using System.Net;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 and a free port (HttpListener, so the fakes need no ASP.NET), handing each
/// request, read in full, to one handler. A handler that should hang (a simulated timeout) awaits
/// <see cref="Stopping"/>; disposal aborts such requests.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Func<FakeHttpRequest, CancellationToken, Task<FakeHttpResponse>> handler;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> inFlight = new();
    private readonly Task acceptLoop;

    private FakeHttpServer(HttpListener listener, Uri baseUrl, Func<FakeHttpRequest, CancellationToken, Task<FakeHttpResponse>> handler)
    {
        this.listener = listener;
        this.handler = handler;
        BaseUrl = baseUrl;
        acceptLoop = Task.Run(AcceptAsync);
    }

    /// <summary><c>http://127.0.0.1:port</c>, without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    public CancellationToken Stopping => stopping.Token;

    public static FakeHttpServer Start(Func<FakeHttpRequest, CancellationToken, Task<FakeHttpResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeHttpServer(listener, new Uri($"http://127.0.0.1:{port}"), handler);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between FreePort and Start.
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }
        await stopping.CancelAsync();
        try
        {
            await Task.WhenAll(inFlight.Keys).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // A handler that ignores Stopping: closing the listener below cuts its connection.
        }
        listener.Close();
        await acceptLoop;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var serving = Task.Run(() => ServeAsync(context));
            inFlight[serving] = 0;
            _ = serving.ContinueWith(done => inFlight.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var request = await ReadAsync(context.Request);
            FakeHttpResponse response;
            try
            {
                response = await handler(request, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                context.Response.Abort();
                return;
            }
            catch (Exception e)
            {
                // A bug in a fake shows up in the test as a 500 with the reason, not as a hung request.
                response = FakeHttpResponse.Text(500, "fake server failure: " + e);
            }
            await WriteAsync(context.Response, response);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The client went away, or disposal closed the listener under the response.
        }
    }

    private static async Task<FakeHttpRequest> ReadAsync(HttpListenerRequest request)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in request.QueryString.AllKeys.OfType<string>())
        {
            query[key] = request.QueryString[key] ?? string.Empty;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in request.Headers.AllKeys.OfType<string>())
        {
            headers[key] = request.Headers[key] ?? string.Empty;
        }
        var path = Uri.UnescapeDataString(request.Url?.AbsolutePath ?? "/");
        return new FakeHttpRequest(request.HttpMethod, path, query, headers, request.ContentType, body.ToArray(), request.RemoteEndPoint);
    }

    private static async Task WriteAsync(HttpListenerResponse response, FakeHttpResponse answer)
    {
        response.StatusCode = answer.StatusCode;
        if (answer.ContentType is not null)
        {
            response.ContentType = answer.ContentType;
        }
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
        response.ContentLength64 = answer.Body.Length;
        await response.OutputStream.WriteAsync(answer.Body);
        response.Close();
    }
}

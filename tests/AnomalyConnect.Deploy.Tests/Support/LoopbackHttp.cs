using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>
/// HttpClients that connect to 127.0.0.1 whatever the URL's host (so the URL can carry the real host name for SNI and
/// Host) from a chosen loopback source address (nginx's allowlists and rate limits see that address).
/// </summary>
public static class LoopbackHttp
{
    public static HttpClient Create(string sourceAddress = "127.0.0.1", X509Certificate2? clientCertificate = null)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        // These tests check nginx, not the certificate's trust: the placeholder is self-signed by design.
        handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AnomalyConnect.Benchmarks.World;

/// <summary>
/// A minimal VLESS client over plain TCP (security none): one request header, then an HTTP/1.1 GET to a loopback page
/// through the node. The header: version 0, the user's 16-byte UUID, addons length 0, command 1 (TCP), the target port
/// (big-endian), address type 1 (IPv4) and 4 bytes. The answer: version, addons length, addons, then the payload.
/// </summary>
public static class VlessClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>True when the node accepted the user and the page came back through it (HTTP 200).</summary>
    public static async Task<bool> FetchAsync(int vlessPort, string uuid, IPEndPoint target, string path, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, vlessPort), timeout.Token);
            await socket.SendAsync(Request(uuid, target, path), SocketFlags.None, timeout.Token);
            return await ReadAnswerAsync(socket, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private static byte[] Request(string uuid, IPEndPoint target, string path)
    {
        var http = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {target}\r\nConnection: close\r\n\r\n");
        var header = new byte[1 + 16 + 1 + 1 + 2 + 1 + 4];
        header[0] = 0;
        Guid.Parse(uuid).TryWriteBytes(header.AsSpan(1, 16), bigEndian: true, out _);
        header[17] = 0; // no addons
        header[18] = 1; // TCP
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(19, 2), (ushort)target.Port);
        header[21] = 1; // IPv4
        target.Address.MapToIPv4().TryWriteBytes(header.AsSpan(22, 4), out _);
        return [.. header, .. http];
    }

    /// <summary>
    /// Reads the VLESS answer header and the HTTP response up to its Content-Length, then stops: waiting for the node
    /// to close would cost its idle timeouts (v2ray keeps a half-closed tunnel open for seconds).
    /// </summary>
    private static async Task<bool> ReadAnswerAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return false;
            }
            received.AddRange(buffer.AsSpan(0, read));
            if (received[0] != 0)
            {
                return false;
            }
            if (received.Count < 2 || received.Count < 2 + received[1])
            {
                continue;
            }
            var payload = Encoding.ASCII.GetString([.. received.Skip(2 + received[1])]);
            var headerEnd = payload.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                continue;
            }
            if (!payload.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
            {
                return false;
            }
            var lengthLine = payload[..headerEnd].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (payload.Length - headerEnd - 4 >= length)
            {
                return true;
            }
        }
    }
}

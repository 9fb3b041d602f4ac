using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace AnomalyConnect.Integrations.Xray;

/// <summary>
/// One unary gRPC call over a plain <see cref="HttpClient"/>: the gRPC client package is not on our registry, and a unary
/// call is small enough to speak by hand (HTTP/2 POST, 5-byte frame prefix, status in the trailers).
/// </summary>
internal static class GrpcUnary
{
    // Generous: QueryStats with two counters per user for many thousands of users stays far below this.
    private const int MaxReplyBytes = 64 * 1024 * 1024;
    private const int FramePrefixBytes = 5;
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");

    /// <summary>
    /// Calls the method. The whole call, reply body included, is bounded by <see cref="HttpClient.Timeout"/> (whose lapse
    /// becomes DEADLINE_EXCEEDED) and by <paramref name="ct"/> (whose cancellation stays an <see cref="OperationCanceledException"/>).
    /// </summary>
    public static async Task<TReply> CallAsync<TReply>(
        HttpClient http, XrayEndpoint endpoint, string methodPath, IMessage request, MessageParser<TReply> replyParser, CancellationToken ct)
        where TReply : IMessage<TReply>
    {
        var uri = MethodUri(endpoint, methodPath);
        // HttpClient.Timeout does not cover reading the body after ResponseHeadersRead: bound that part ourselves.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (http.Timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(http.Timeout);
        }
        try
        {
            return await CallCoreAsync(http, uri, methodPath, request, replyParser, deadline.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new XrayApiException(
                GrpcStatusCode.DeadlineExceeded, $"{methodPath}: no reply within {http.Timeout.TotalSeconds:0.#} s.", e);
        }
    }

    private static async Task<TReply> CallCoreAsync<TReply>(
        HttpClient http, Uri uri, string methodPath, IMessage request, MessageParser<TReply> replyParser, CancellationToken ct)
        where TReply : IMessage<TReply>
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame(request)),
        };
        message.Content.Headers.ContentType = GrpcContentType;
        message.Headers.TE.ParseAdd("trailers");

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new XrayApiException(
                StatusFromHttp(response.StatusCode),
                $"{methodPath}: the node answered HTTP {(int)response.StatusCode}, not a gRPC reply.");
        }
        // A trailers-only reply (every error from Xray) carries the status in the headers and has no body.
        var trailersOnly = TryReadStatus(response.Headers, out var headerStatus, out var headerMessage);
        if (trailersOnly)
        {
            ThrowIfFailed(methodPath, headerStatus, headerMessage);
        }
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (contentType is null || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            throw new XrayApiException(
                GrpcStatusCode.Internal, $"{methodPath}: the node answered content-type '{contentType}', not a gRPC reply.");
        }

        var (body, bodyLength) = await ReadBodyAsync(response.Content, methodPath, ct);
        try
        {
            if (!TryReadStatus(response.TrailingHeaders, out var status, out var statusMessage) && !trailersOnly)
            {
                throw new XrayApiException(GrpcStatusCode.Internal, $"{methodPath}: the reply ended without a grpc-status.");
            }
            ThrowIfFailed(methodPath, status, statusMessage);
            return Unframe(body, bodyLength, methodPath, replyParser);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private static Uri MethodUri(XrayEndpoint endpoint, string methodPath)
    {
        var api = endpoint.ApiUrl;
        if (!api.IsAbsoluteUri || (api.Scheme != Uri.UriSchemeHttp && api.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The Xray API URL must be an absolute http:// or https:// URL.", nameof(endpoint));
        }
        return new Uri(api, api.AbsolutePath.TrimEnd('/') + methodPath);
    }

    private static byte[] Frame(IMessage request)
    {
        var size = request.CalculateSize();
        var frame = new byte[FramePrefixBytes + size];
        frame[0] = 0; // not compressed
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)size);
        request.WriteTo(frame.AsSpan(FramePrefixBytes));
        return frame;
    }

    private static TReply Unframe<TReply>(byte[] body, int bodyLength, string methodPath, MessageParser<TReply> parser)
        where TReply : IMessage<TReply>
    {
        if (bodyLength < FramePrefixBytes)
        {
            throw new XrayApiException(GrpcStatusCode.Internal, $"{methodPath}: the reply has no message ({bodyLength} bytes).");
        }
        if (body[0] != 0)
        {
            throw new XrayApiException(GrpcStatusCode.Internal, $"{methodPath}: the reply is compressed or malformed (flag {body[0]}).");
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (length != (uint)(bodyLength - FramePrefixBytes))
        {
            throw new XrayApiException(
                GrpcStatusCode.Internal,
                $"{methodPath}: the reply frame announces {length} bytes but {bodyLength - FramePrefixBytes} came.");
        }
        try
        {
            return parser.ParseFrom(body, FramePrefixBytes, (int)length);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new XrayApiException(GrpcStatusCode.Internal, $"{methodPath}: the reply is not a valid message.", e);
        }
    }

    /// <summary>
    /// Reads the reply body into a buffer rented from the shared pool, which the caller returns. A poll's QueryStats
    /// reply is a megabyte or more: a fresh array grown by doubling left several large-object-heap arrays of garbage at
    /// every poll of every node.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpContent content, string methodPath, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(ct);
            var length = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length > MaxReplyBytes)
                {
                    throw new XrayApiException(GrpcStatusCode.Internal, $"{methodPath}: the reply exceeds {MaxReplyBytes} bytes.");
                }
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return (buffer, length);
        }
        catch (Exception e)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (e is IOException)
            {
                throw new HttpRequestException($"{methodPath}: the connection failed while reading the reply.", e);
            }
            throw;
        }
    }

    private static bool TryReadStatus(HttpHeaders headers, out int status, out string message)
    {
        status = 0;
        message = string.Empty;
        if (!headers.TryGetValues("grpc-status", out var statuses))
        {
            return false;
        }
        var text = statuses.FirstOrDefault();
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out status))
        {
            status = GrpcStatusCode.Unknown;
            message = $"unreadable grpc-status '{text}'";
            return true;
        }
        if (headers.TryGetValues("grpc-message", out var messages))
        {
            // grpc-message is percent-encoded UTF-8.
            message = Uri.UnescapeDataString(string.Join(",", messages));
        }
        return true;
    }

    private static void ThrowIfFailed(string methodPath, int status, string message)
    {
        if (status != GrpcStatusCode.Ok)
        {
            throw new XrayApiException(status, message.Length > 0 ? message : $"{methodPath}: grpc-status {status} without a message.");
        }
    }

    // https://github.com/grpc/grpc/blob/master/doc/http-grpc-status-mapping.md
    private static int StatusFromHttp(HttpStatusCode code) => code switch
    {
        HttpStatusCode.BadRequest => GrpcStatusCode.Internal,
        HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
        HttpStatusCode.NotFound => GrpcStatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };
}

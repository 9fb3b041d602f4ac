using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.NodeClients.Tests;

/// <summary>What a fake gRPC server writes: replies, error replies, and the request frame it reads.</summary>
internal static class GrpcReplies
{
    public static async Task OkAsync(HttpContext context, IMessage reply)
    {
        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer("grpc-status", "0");
        await context.Response.Body.WriteAsync(Frame(reply.ToByteArray()));
    }

    /// <summary>A trailers-only error reply, as Xray sends for every failed call.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }

    public static byte[] Frame(byte[] message, byte flag = 0, uint? announcedLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), announcedLength ?? (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Reads the single framed request message.</summary>
    public static async Task<byte[]> ReadRequestAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        Assert.True(body.Length >= 5, "request frame too short");
        Assert.Equal(0, body[0]);
        Assert.Equal((uint)(body.Length - 5), BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4)));
        return body[5..];
    }
}

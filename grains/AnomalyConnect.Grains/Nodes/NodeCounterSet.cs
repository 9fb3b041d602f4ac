using System.Buffers.Binary;
using System.Text;
using AnomalyConnect.Grains.Users;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>
/// A node's last-seen counters packed into one value, so that a poll rewrites one row of <c>node_counter_sets</c>
/// instead of a row per user. Layout (version 1), big-endian so that SQL's <c>int2send</c>/<c>int8send</c> can write
/// it too (migration 0011 does): the byte 0x01, then per counter the protocol (1-byte length, UTF-8), the user id
/// (2-byte length, UTF-8), upload and download (8 bytes each).
/// </summary>
internal static class NodeCounterSet
{
    private const byte Version = 1;

    public static Dictionary<(string Protocol, string UserId), (long Upload, long Download)> Read(ReadOnlySpan<byte> packed)
    {
        var counters = new Dictionary<(string, string), (long, long)>();
        if (packed.IsEmpty)
        {
            return counters;
        }
        if (packed[0] != Version)
        {
            throw new InvalidDataException($"Unknown node counter set version {packed[0]}.");
        }
        var rest = packed[1..];
        while (!rest.IsEmpty)
        {
            var protocolLength = rest[0];
            var protocol = ProtocolName(rest.Slice(1, protocolLength));
            rest = rest[(1 + protocolLength)..];
            var userLength = BinaryPrimitives.ReadUInt16BigEndian(rest);
            var userId = Encoding.UTF8.GetString(rest.Slice(2, userLength));
            rest = rest[(2 + userLength)..];
            counters[(protocol, userId)] = (BinaryPrimitives.ReadInt64BigEndian(rest), BinaryPrimitives.ReadInt64BigEndian(rest[8..]));
            rest = rest[16..];
        }
        return counters;
    }

    public static byte[] Write(IReadOnlyDictionary<(string Protocol, string UserId), (long Upload, long Download)> counters)
    {
        var length = 1;
        foreach (var (protocol, userId) in counters.Keys)
        {
            length += 1 + Encoding.UTF8.GetByteCount(protocol) + 2 + Encoding.UTF8.GetByteCount(userId) + 16;
        }
        var packed = new byte[length];
        packed[0] = Version;
        var rest = packed.AsSpan(1);
        foreach (var ((protocol, userId), (upload, download)) in counters)
        {
            var protocolLength = Encoding.UTF8.GetBytes(protocol, rest[1..]);
            rest[0] = checked((byte)protocolLength);
            rest = rest[(1 + protocolLength)..];
            var userLength = Encoding.UTF8.GetBytes(userId, rest[2..]);
            BinaryPrimitives.WriteUInt16BigEndian(rest, checked((ushort)userLength));
            rest = rest[(2 + userLength)..];
            BinaryPrimitives.WriteInt64BigEndian(rest, upload);
            BinaryPrimitives.WriteInt64BigEndian(rest[8..], download);
            rest = rest[16..];
        }
        return packed;
    }

    /// <summary>The known names as the shared constants, so that 10,000 counters do not allocate 10,000 copies of "vless".</summary>
    private static string ProtocolName(ReadOnlySpan<byte> utf8) =>
        utf8.SequenceEqual("vless"u8) ? ProtocolNames.Vless
        : utf8.SequenceEqual("hysteria2"u8) ? ProtocolNames.Hysteria2
        : Encoding.UTF8.GetString(utf8);
}

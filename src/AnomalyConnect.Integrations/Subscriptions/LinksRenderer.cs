using System.Buffers;
using System.Buffers.Text;
using System.Text;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>
/// The link list, plain or base64 (the form v2rayN-style apps expect). The links' pieces are written as UTF-8
/// straight into one pooled buffer, with no string per link or for the list in between.
/// </summary>
internal static class LinksRenderer
{
    private const string ContentType = "text/plain; charset=utf-8";
    private const byte Separator = (byte)'\n';

    public static RenderedSubscription RenderPlain(SubscriptionDocument document) =>
        new(ContentType, Body(document, base64: false), SubscriptionFormats.FileExtension(SubscriptionFormat.Links));

    public static RenderedSubscription RenderBase64(SubscriptionDocument document) =>
        new(ContentType, Body(document, base64: true), SubscriptionFormats.FileExtension(SubscriptionFormat.Base64));

    /// <summary>The links' UTF-8, as it is or encoded as base64, written through one pooled buffer.</summary>
    private static byte[] Body(SubscriptionDocument document, bool base64)
    {
        var uris = UrisOf(document);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxUtf8Length(uris));
        try
        {
            var plain = buffer.AsSpan(0, WriteUtf8(uris, buffer));
            if (!base64)
            {
                return plain.ToArray();
            }
            // With padding, the length the method gives is the exact length of the encoding.
            var body = new byte[Base64.GetMaxEncodedToUtf8Length(plain.Length)];
            Base64.EncodeToUtf8(plain, body, out _, out _);
            return body;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static LinkUri[] UrisOf(SubscriptionDocument document)
    {
        var proxies = RenderedProxies.Of(document);
        var uris = new LinkUri[proxies.Count];
        for (var i = 0; i < uris.Length; i++)
        {
            uris[i] = proxies[i].Link.UriParts();
        }
        return uris;
    }

    private static int MaxUtf8Length(LinkUri[] uris)
    {
        var chars = uris.Length;
        foreach (var uri in uris)
        {
            chars += uri.Length;
        }
        return Encoding.UTF8.GetMaxByteCount(chars);
    }

    private static int WriteUtf8(LinkUri[] uris, Span<byte> buffer)
    {
        var written = 0;
        for (var i = 0; i < uris.Length; i++)
        {
            if (i > 0)
            {
                buffer[written++] = Separator;
            }
            written += Encoding.UTF8.GetBytes(uris[i].Scheme, buffer[written..]);
            written += Encoding.UTF8.GetBytes(uris[i].Credential, buffer[written..]);
            written += Encoding.UTF8.GetBytes(uris[i].Suffix, buffer[written..]);
        }
        return written;
    }
}

using System.Buffers.Text;
using System.Text;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>The link list, plain or base64 (the form v2rayN-style apps expect).</summary>
internal static class LinksRenderer
{
    private const string ContentType = "text/plain; charset=utf-8";

    public static RenderedSubscription RenderPlain(SubscriptionDocument document) =>
        new(ContentType, Encoding.UTF8.GetBytes(Join(document)), SubscriptionFormats.FileExtension(SubscriptionFormat.Links));

    /// <summary>Encodes the links' UTF-8 straight into the body's base64 bytes, without a base64 string in between.</summary>
    public static RenderedSubscription RenderBase64(SubscriptionDocument document)
    {
        var plain = Encoding.UTF8.GetBytes(Join(document));
        // With padding, the length the method gives is the exact length of the encoding.
        var body = new byte[Base64.GetMaxEncodedToUtf8Length(plain.Length)];
        Base64.EncodeToUtf8(plain, body, out _, out _);
        return new(ContentType, body, SubscriptionFormats.FileExtension(SubscriptionFormat.Base64));
    }

    private static string Join(SubscriptionDocument document) =>
        string.Join('\n', RenderedProxies.Of(document).Select(proxy => proxy.Link.ToUri()));
}

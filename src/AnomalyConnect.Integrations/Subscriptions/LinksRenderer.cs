using System.Text;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>The link list, plain or base64 (the form v2rayN-style apps expect).</summary>
internal static class LinksRenderer
{
    private const string ContentType = "text/plain; charset=utf-8";

    public static RenderedSubscription RenderPlain(SubscriptionDocument document) =>
        new(ContentType, Encoding.UTF8.GetBytes(Join(document)), SubscriptionFormats.FileExtension(SubscriptionFormat.Links));

    public static RenderedSubscription RenderBase64(SubscriptionDocument document)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Join(document)));
        return new(ContentType, Encoding.ASCII.GetBytes(base64), SubscriptionFormats.FileExtension(SubscriptionFormat.Base64));
    }

    private static string Join(SubscriptionDocument document) =>
        string.Join('\n', RenderedProxies.Of(document).Select(proxy => proxy.Link.ToUri()));
}

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>Renders a subscription in the chosen format.</summary>
public static class SubscriptionRenderer
{
    public static RenderedSubscription Render(SubscriptionDocument document, SubscriptionFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        return format switch
        {
            SubscriptionFormat.Base64 => LinksRenderer.RenderBase64(document),
            SubscriptionFormat.Links => LinksRenderer.RenderPlain(document),
            SubscriptionFormat.Clash => ClashRenderer.Render(document),
            SubscriptionFormat.SingBox => SingBoxRenderer.Render(document),
            SubscriptionFormat.Html => HtmlRenderer.Render(document),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }
}
